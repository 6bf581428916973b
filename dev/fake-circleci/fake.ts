/*
 * The fake CircleCI: a deterministic, in-memory implementation of the parts
 * of CircleCI's API v2, v1.1 and log endpoints the plugin uses. It serves
 * fetch `Request`s, so it runs under msw (tests), in a node:http server
 * (dev app, browser tests, benchmark) and anywhere else.
 */

import { demoFacts, type DemoFacts } from './data/demo';
import { allQuirks, type FakeQuirks } from './failures/quirks';
import { failureResponse, FailureRules, type FailureRule } from './failures/rules';
import { HUGE_LOG_LINES, isHugeLogLines } from './data/logs';
import { json, route, type PathSegments } from './http/routes';
import { createState, type FakeState } from './sim/state';

/** Options of {@link createFakeCircleCI}. */
export interface FakeCircleCIOptions {
  /** Seed of the demo data (ids, revisions, timings). Default 1. */
  seed?: number;
  /** Delay added to every response, in milliseconds (uses `setTimeout`). Default 0. */
  latencyMs?: number;
  /** The token expected in the `Circle-Token` header. Default `fake-circleci-token`. */
  token?: string;
  /** The clock. Default `Date.now`; tests pass jest's faked `Date.now`. */
  now?: () => number;
  /** Time all demo timestamps are relative to. Default `now()` at creation. */
  startTime?: number;
  /**
   * Number of lines of the huge step log (`demo.hugeLogJob`): an integer from
   * 5 to 1,000,000. Default `HUGE_LOG_LINES` (200,000).
   */
  hugeLogLines?: number;
  /** Quirks that are on from the start (see {@link FakeQuirks}); default none. */
  quirks?: FakeQuirks;
}

/** One request seen by the fake. */
export interface FakeRequestRecord {
  method: string;
  /** Path relative to the base path, with the query, as sent (e.g. `v2/me`). */
  path: string;
  /** `now()` when the request arrived. */
  time: number;
}

/** A fake CircleCI. */
export interface FakeCircleCI {
  /** The token the fake expects. */
  readonly token: string;
  /** The seed of the demo data. */
  readonly seed: number;
  /** The time the demo data is relative to. */
  readonly startTime: number;
  /** The current latency in milliseconds. */
  readonly latencyMs: number;
  /** The current number of lines of the huge step log. */
  readonly hugeLogLines: number;
  /** Serves a request whose pathname is `${basePath}/v2/...`, `/v1.1/...` or `/private/...` (basePath default `/api`). */
  handle(request: Request, options?: { basePath?: string }): Promise<Response>;
  /** Sets the delay added to every response. */
  setLatency(ms: number): void;
  /**
   * Sets the number of lines of the huge step log (an integer from 5 to
   * 1,000,000; throws a `RangeError` otherwise). `reset()` keeps it.
   */
  setHugeLogLines(n: number): void;
  /** Makes matching requests fail; returns a function that removes the rule. */
  failPath(rule: FailureRule): () => void;
  /** Removes every failure rule. */
  clearFailures(): void;
  /**
   * Turns quirks on (`true`) or off (`false`); names left out keep their
   * value. `reset()` keeps them.
   */
  setQuirks(quirks: FakeQuirks): void;
  /** Turns every quirk off. */
  clearQuirks(): void;
  /** Every quirk and whether it is on. */
  readonly quirks: Readonly<Required<FakeQuirks>>;
  /**
   * Puts the state back to the seed (optionally moving the start time).
   * Keeps failure rules, quirks, latency, the huge log size and the request log.
   */
  reset(options?: { startTime?: number }): void;
  /** The requests seen so far, oldest first. */
  readonly requests: ReadonlyArray<FakeRequestRecord>;
  /** Empties the request log. */
  clearRequests(): void;
  /** The demo project slugs. */
  readonly projects: ReadonlyArray<string>;
  /** Named facts about the demo data (job numbers, pipeline numbers, ...). */
  readonly demo: DemoFacts;
  /** The current time of the fake's clock. */
  now(): number;
  /** The id of the newest workflow of a pipeline (optionally with a given name). */
  findWorkflow(options: {
    projectSlug: string;
    pipelineNumber: number;
    name?: string;
  }): string | undefined;
  /** The internal state (read it, do not change it). */
  readonly state: FakeState;
}

/** The default token of the fake. */
export const DEFAULT_FAKE_TOKEN = 'fake-circleci-token';

const unauthorized = () => json(401, { message: 'You must log in first.' });

/**
 * Splits a relative path into its segments, each decoded and split again at
 * the slashes it decodes to (`%2F`): a project slug may come escaped, while a
 * `{name}` route parameter takes one whole segment (see `http/routes.ts`).
 */
export function pathSegments(relative: string): PathSegments | undefined {
  try {
    return relative.split('/').map(s => decodeURIComponent(s).split('/'));
  } catch {
    return undefined;
  }
}

function checkHugeLogLines(n: number): number {
  if (!isHugeLogLines(n))
    throw new RangeError(`hugeLogLines must be an integer from 5 to 1000000, got ${n}`);
  return n;
}

/** Creates a fake CircleCI (throws a `RangeError` for an invalid `hugeLogLines`). */
export function createFakeCircleCI(options: FakeCircleCIOptions = {}): FakeCircleCI {
  const now = options.now ?? (() => Date.now());
  const seed = options.seed ?? 1;
  const token = options.token ?? DEFAULT_FAKE_TOKEN;
  let startTime = options.startTime ?? now();
  let latencyMs = options.latencyMs ?? 0;
  let hugeLogLines = checkHugeLogLines(options.hugeLogLines ?? HUGE_LOG_LINES);
  let state = createState({ seed, startTime });
  let demo = demoFacts(state);
  let requests: FakeRequestRecord[] = [];
  let quirks = allQuirks(options.quirks ?? {});
  const failures = new FailureRules();

  const serve = async (
    request: Request,
    segments: PathSegments | undefined,
    query: URLSearchParams,
  ) => {
    if (request.headers.get('circle-token') !== token) return unauthorized();
    if (!segments) return json(404, { message: 'Not found' });
    const body = async (): Promise<Record<string, unknown>> => {
      const text = await request.clone().text();
      if (text.trim() === '') return {};
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new SyntaxError('Body must be an object');
      return parsed as Record<string, unknown>;
    };
    return route({
      ctx: { state, t: now(), query, body, hugeLogLines, quirks },
      method: request.method.toUpperCase(),
      segments,
    });
  };

  const fake: FakeCircleCI = {
    token,
    seed,
    get startTime() {
      return startTime;
    },
    get latencyMs() {
      return latencyMs;
    },
    get hugeLogLines() {
      return hugeLogLines;
    },
    async handle(request, handleOptions) {
      const basePath = (handleOptions?.basePath ?? '/api').replace(/\/+$/, '');
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      if (!url.pathname.startsWith(`${basePath}/`)) return json(404, { message: 'Not found' });
      const relative = url.pathname.slice(basePath.length + 1);
      const path = `${relative}${url.search}`;
      requests.push({ method, path, time: now() });
      if (latencyMs > 0) await new Promise(resolve => setTimeout(resolve, latencyMs));
      const segments = pathSegments(relative);
      const rule = failures.take({ method, path });
      if (rule)
        return failureResponse({ rule, real: () => serve(request, segments, url.searchParams) });
      return serve(request, segments, url.searchParams);
    },
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    setHugeLogLines(n) {
      hugeLogLines = checkHugeLogLines(n);
    },
    failPath: rule => failures.add(rule),
    clearFailures: () => failures.clear(),
    setQuirks(changes) {
      const defined = Object.entries(changes).filter(([, value]) => value !== undefined);
      quirks = allQuirks({ ...quirks, ...Object.fromEntries(defined) });
    },
    clearQuirks() {
      quirks = allQuirks({});
    },
    get quirks() {
      return { ...quirks };
    },
    reset(resetOptions) {
      startTime = resetOptions?.startTime ?? startTime;
      state = createState({ seed, startTime });
      demo = demoFacts(state);
    },
    get requests() {
      return requests;
    },
    clearRequests() {
      requests = [];
    },
    get projects() {
      return state.projects.map(p => p.slug);
    },
    get demo() {
      return demo;
    },
    now,
    findWorkflow({ projectSlug, pipelineNumber, name }) {
      const [vcs, org, repo] = projectSlug.split('/');
      const project = state.findProject({ vcs, org, repo });
      const pipeline = project?.pipelines.find(p => p.number === pipelineNumber);
      const workflows =
        pipeline?.workflows.filter(w => name === undefined || w.name === name) ?? [];
      return workflows[workflows.length - 1]?.id;
    },
    get state() {
      return state;
    },
  };
  return fake;
}
