/*
 * Test harness for backend mode: msw handlers that play the CircleCI
 * backend plugin (`/api/circleci`) on top of the one fake CircleCI. The
 * mirror paths are the fake's own answers; the `/pipelines` aggregate is
 * assembled from the fake's pipeline and workflow answers, as the backend
 * does (without its cache). Actions (POSTs) must name an entity
 * (`?entity=`), which is recorded here and, as the backend does, never
 * sent upstream. The browser's requests are logged here, the upstream ones
 * at the fake (`fake.requests`).
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { ACTION_ENTITY_QUERY, pageCap } from '@circleci-backstage/plugin-circleci-common';
import type { FakeCircleCI } from '../../dev/fake-circleci';

/** Where the tests' discovery API puts the backend plugin. */
export const BACKEND_BASE = 'http://localhost:7007/api/circleci';
const BASE_PATH = new URL(BACKEND_BASE).pathname;
const UPSTREAM = 'http://circleci.invalid/api';

/** The backend plugin, played by msw over a fake CircleCI. */
export interface FakeBackend {
  /** The msw handlers (one `http.all`). */
  handlers: HttpHandler[];
  /** The browser's requests to the backend, oldest first, e.g. `GET pipelines?project=gh%2Facme%2Frocket`. */
  readonly requests: readonly string[];
  /** The browser's POSTs, oldest first: the path and the entity it named (`?entity=`, decoded), or null. */
  readonly posts: readonly ActionPost[];
  /**
   * From now on, refuses every POST as the backend's checks do (e.g.
   * `{ status: 403, reason: 'permission-denied' }`), sending nothing
   * upstream; undefined stops.
   */
  refuseActions(refusal: ActionRefusal | undefined): void;
  /**
   * From now on, marks every answer as the backend does during a 429
   * window (`x-circleci-cache: stale`, `x-circleci-stale-at`); undefined
   * stops.
   */
  setStale(storedAt: Date | undefined): void;
  /**
   * What the backend does with a signal probe (`POST signals/probe`, always
   * answered 202): calls `onProbe` (e.g. to publish the answer on a test
   * signals API); undefined (the default) publishes nothing, as a broken
   * signals backend.
   */
  answerProbes(onProbe: ((probe: { channel: string; nonce: string }) => void) | undefined): void;
  /** Forgets the requests, the stale mark and the probe handler (before each test). */
  clear(): void;
}

/** One POST the backend received. */
export interface ActionPost {
  /** E.g. `v2/workflow/5034…/rerun`. */
  path: string;
  /** The `entity` query, decoded; null when absent. */
  entity: string | null;
}

/** A refusal of the backend's action checks. */
export interface ActionRefusal {
  /** The status, e.g. 403. */
  status: number;
  /** The stable code, e.g. `permission-denied`. */
  reason: string;
  /** The sentence; a default one when absent. */
  message?: string;
}

type Json = Record<string, unknown>;

/** A refusal as the backend sends it: `{ message, reason, error }`. */
function refusal(options: ActionRefusal): Response {
  const message = options.message ?? `Refused: ${options.reason}.`;
  return HttpResponse.json(
    { error: { name: options.status === 404 ? 'NotFoundError' : 'NotAllowedError', message }, message, reason: options.reason },
    { status: options.status, headers: { 'cache-control': 'no-store' } },
  );
}

/** Asks the fake as the backend does: with the token, below CircleCI's API root. */
function upstream(options: { fake: FakeCircleCI; path: string; query?: Record<string, string | null> }): Promise<Response> {
  const { fake, path, query = {} } = options;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) search.set(name, value);
  const qs = search.toString();
  const request = new Request(`${UPSTREAM}/${path}${qs ? `?${qs}` : ''}`, {
    headers: { 'Circle-Token': fake.token, Accept: 'application/json' },
  });
  return fake.handle(request, { basePath: '/api' });
}

/** Every workflow of a pipeline, up to the table's cap; null when a page fails. */
async function workflowsOf(fake: FakeCircleCI, pipelineId: string): Promise<Json[] | null> {
  const workflows: Json[] = [];
  let pageToken: string | null = null;
  for (let page = 0; page < pageCap('listWorkflows'); page++) {
    const answer = await upstream({ fake, path: `v2/pipeline/${pipelineId}/workflow`, query: { 'page-token': pageToken } });
    if (!answer.ok) return null;
    const body = (await answer.json()) as { items: Json[]; next_page_token?: string | null };
    workflows.push(...body.items);
    pageToken = body.next_page_token ?? null;
    if (!pageToken) break;
  }
  return workflows;
}

/** `GET /pipelines?project=…[&branch=…][&page-token=…]`. */
async function aggregate(fake: FakeCircleCI, url: URL): Promise<Response> {
  const project = url.searchParams.get('project');
  if (!project) return HttpResponse.json({ message: 'Give the project.' }, { status: 400 });
  const pipelines = await upstream({
    fake,
    path: `v2/project/${project}/pipeline`,
    query: { branch: url.searchParams.get('branch'), 'page-token': url.searchParams.get('page-token') },
  });
  if (!pipelines.ok) return pipelines;
  const page = (await pipelines.json()) as { items: Json[]; next_page_token?: string | null };
  const items = await Promise.all(
    page.items.map(async pipeline => ({ pipeline, workflows: await workflowsOf(fake, String(pipeline.id)) })),
  );
  return HttpResponse.json({ items, next_page_token: page.next_page_token ?? null });
}

/** Copies an answer with the backend's headers. */
function marked(answer: Response, storedAt: Date | undefined): Response {
  const headers = new Headers(answer.headers);
  headers.set('x-circleci-cache', storedAt ? 'stale' : 'miss');
  if (storedAt) {
    headers.set('x-circleci-stale-at', storedAt.toISOString());
    headers.set('retry-after', '60');
  }
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}

/** The backend plugin over the fake that `fake()` returns at the time of each request. */
export function createFakeBackend(options: { fake: () => FakeCircleCI }): FakeBackend {
  let requests: string[] = [];
  let posts: ActionPost[] = [];
  let refused: ActionRefusal | undefined;
  let staleAt: Date | undefined;
  let onProbe: ((probe: { channel: string; nonce: string }) => void) | undefined;
  const handler = http.all(`${BACKEND_BASE}/*`, async ({ request }) => {
    const fake = options.fake();
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    requests.push(`${method} ${url.pathname.slice(BASE_PATH.length + 1)}${url.search}`);
    if (method === 'GET' && url.pathname === `${BASE_PATH}/pipelines`) return marked(await aggregate(fake, url), staleAt);
    if (method === 'POST' && url.pathname === `${BASE_PATH}/signals/probe`) {
      const probe = (await request.json()) as { channel: string; nonce: string };
      onProbe?.(probe);
      return new HttpResponse(null, { status: 202 });
    }
    if (method === 'POST') {
      const entity = url.searchParams.get(ACTION_ENTITY_QUERY);
      posts.push({ path: url.pathname.slice(BASE_PATH.length + 1), entity });
      if (refused) return refusal(refused);
      if (!entity) return refusal({ status: 400, reason: 'entity-missing', message: 'Name the catalog entity you act through.' });
      url.searchParams.delete(ACTION_ENTITY_QUERY);
    }
    const headers = new Headers(request.headers);
    headers.set('Circle-Token', fake.token);
    const body = method === 'GET' || method === 'HEAD' ? undefined : await request.text();
    const answer = await fake.handle(new Request(url, { method, headers, body }), { basePath: BASE_PATH });
    return marked(answer, staleAt);
  });
  return {
    handlers: [handler],
    get requests() {
      return requests;
    },
    get posts() {
      return posts;
    },
    refuseActions(next) {
      refused = next;
    },
    setStale(storedAt) {
      staleAt = storedAt;
    },
    answerProbes(next) {
      onProbe = next;
    },
    clear() {
      requests = [];
      posts = [];
      refused = undefined;
      staleAt = undefined;
      onProbe = undefined;
    },
  };
}

/**
 * Handlers for a Backstage backend without the CircleCI plugin: every path
 * below `/api/circleci` gets the backend's own bare 404 (no body).
 */
export function backendMissingHandlers(): HttpHandler[] {
  return [http.all(`${BACKEND_BASE}/*`, () => new HttpResponse(null, { status: 404 }))];
}
