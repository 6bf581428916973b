/*
 * `GET /api/circleci/pipelines?project=<slug>[&branch=<name>][&page-token=<token>]`:
 * one page of a project's pipelines with every pipeline's workflows, in one
 * browser round trip. API v2 has no such call, so the pieces are read
 * upstream in parallel (with a bound), each through the shared cache.
 *
 * Answer: `{ items: [{ pipeline, workflows }], next_page_token }`, the
 * pipelines and workflows as CircleCI sent them. A pipeline whose workflow
 * list could not be read has `workflows: null` (the client may ask for it
 * alone); a pipeline list CircleCI refused is answered as CircleCI answered.
 * A project that no catalog entity the caller can read names is 404.
 */
import type { RequestHandler } from 'express';
import {
  CIRCLECI_ENDPOINTS,
  InvalidProjectSlugError,
  parseProjectSlug,
  type ProjectSlug,
} from '@circleci-backstage/plugin-circleci-common';
import { checkProject } from '../access/readAccess';
import { readRequestFor, type ReadOutcome } from '../cache/reader';
import { createLimiter } from '../upstream/limiter';
import { callerOf, type RouteContext } from './context';
import { CACHE_HEADER, HttpProblem, route, sendOutcome, STALE_AT_HEADER } from './respond';
import { MAX_QUERY_VALUE_CHARS, rawTarget } from './target';

/**
 * Pipelines whose workflow lists are read at once, per aggregate request:
 * a whole page (CircleCI's 20), so a cold page is two round trips (the
 * list, then every workflow list together); the upstream client's bound
 * still applies across requests.
 */
export const AGGREGATE_PARALLELISM = 20;

type Json = Record<string, unknown>;

/** One item of the answer. */
interface AggregateItem {
  pipeline: Json;
  workflows: Json[] | null;
}

/** Gathers where the pieces came from, for the answer's headers. */
class Provenance {
  source: 'hit' | 'miss' | 'stale' = 'hit';
  staleAt?: number;
  retryAfterMs = 0;
  note(outcome: ReadOutcome): void {
    if (outcome.kind !== 'answer') return;
    if (outcome.source === 'stale') {
      this.source = 'stale';
      this.staleAt = Math.min(this.staleAt ?? Infinity, outcome.storedAt ?? Infinity);
      this.retryAfterMs = Math.max(this.retryAfterMs, outcome.retryAfterMs ?? 0);
    } else if (outcome.source === 'miss' && this.source === 'hit') {
      this.source = 'miss';
    }
  }
}

function single(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name);
  if (values.length > 1) throw new HttpProblem({ status: 400, message: `The query parameter "${name}" is given more than once.` });
  const [value] = values;
  if (value !== undefined && value.length > MAX_QUERY_VALUE_CHARS) {
    throw new HttpProblem({ status: 400, message: `The query parameter "${name}" is longer than ${MAX_QUERY_VALUE_CHARS} characters.` });
  }
  return value === '' ? undefined : value;
}

function projectOf(search: URLSearchParams): ProjectSlug {
  const project = single(search, 'project');
  if (!project) throw new HttpProblem({ status: 400, message: 'Give the project: ?project=<slug>, e.g. gh/acme/rocket.' });
  try {
    return parseProjectSlug(project);
  } catch (e) {
    if (e instanceof InvalidProjectSlugError) throw new HttpProblem({ status: 400, message: e.message });
    throw e;
  }
}

function pageOf(outcome: ReadOutcome): { items: Json[]; next: string | null } | undefined {
  if (outcome.kind !== 'answer' || outcome.answer.status < 200 || outcome.answer.status >= 300) return undefined;
  try {
    const body = JSON.parse(outcome.answer.body) as { items?: unknown; next_page_token?: unknown };
    if (!Array.isArray(body.items)) return undefined;
    const next = typeof body.next_page_token === 'string' && body.next_page_token ? body.next_page_token : null;
    return { items: body.items as Json[], next };
  } catch {
    return undefined;
  }
}

/** Every workflow of one pipeline, page after page up to the table's cap; null when one page fails. */
async function workflowsOf(options: { context: RouteContext; pipelineId: unknown; provenance: Provenance }): Promise<Json[] | null> {
  const { context, pipelineId, provenance } = options;
  const cap = CIRCLECI_ENDPOINTS.listWorkflows.paging?.cap ?? 1;
  const workflows: Json[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < cap; page += 1) {
    let outcome: ReadOutcome;
    try {
      outcome = await context.reader.read(readRequestFor({ name: 'listWorkflows', values: { pipelineId, pageToken } }));
    } catch (e) {
      context.logger.warn(`The workflows of pipeline ${String(pipelineId)} could not be read: ${String(e)}`);
      return null;
    }
    provenance.note(outcome);
    const parsed = pageOf(outcome);
    if (!parsed) return null;
    workflows.push(...parsed.items);
    if (!parsed.next) break;
    pageToken = parsed.next;
  }
  return workflows;
}

/** The aggregate route. */
export function aggregateRoute(context: RouteContext): RequestHandler {
  return route(context.logger, async (req, res) => {
    const credentials = await callerOf({ context, req });
    const { search } = rawTarget(req);
    const projectSlug = projectOf(search);
    const branch = single(search, 'branch');
    const pageToken = single(search, 'page-token');
    // Only a project a catalog entity the caller can read names; checked before anything is sent.
    await checkProject({ context, credentials, rule: { kind: 'slug', slug: projectSlug } });
    const pipelines = await context.reader.read(
      readRequestFor({ name: 'listPipelines', values: { projectSlug, branch, pageToken } }),
    );
    const page = pageOf(pipelines);
    if (!page) {
      sendOutcome(res, pipelines);
      return;
    }
    const provenance = new Provenance();
    provenance.note(pipelines);
    const limiter = createLimiter({ max: AGGREGATE_PARALLELISM });
    const items: AggregateItem[] = await Promise.all(
      page.items.map(pipeline =>
        limiter.run(async () => ({
          pipeline,
          workflows: await workflowsOf({ context, pipelineId: pipeline.id, provenance }),
        })),
      ),
    );
    res.setHeader('cache-control', 'no-store');
    res.setHeader('access-control-expose-headers', ['retry-after', STALE_AT_HEADER, CACHE_HEADER].join(', '));
    res.setHeader(CACHE_HEADER, provenance.source);
    if (provenance.staleAt !== undefined && Number.isFinite(provenance.staleAt)) {
      res.setHeader(STALE_AT_HEADER, new Date(provenance.staleAt).toISOString());
      res.setHeader('retry-after', String(Math.max(1, Math.ceil(provenance.retryAfterMs / 1000))));
    }
    res.json({ items, next_page_token: page.next });
  });
}
