/*
 * Simulated users for the `modes` suite: Node clients that send what the
 * plugin's pipelines tab sends, as the guest user, with a browser's 6
 * connections per host (one keep-alive agent per user), without a browser.
 *
 * The requests (src/query/pipelineQueries.ts, workflowQueries.ts,
 * pollRule.ts, domain/status.ts):
 * - proxy mode: the first page is `v2/project/{slug}/pipeline`, then one
 *   `v2/pipeline/{id}/workflow` per pipeline (every page of it, at most 5);
 * - backend mode: the first page is the aggregate
 *   `pipelines?project={slug}`, which carries every pipeline's workflows;
 *   a pipeline whose workflows came as null is read alone, as above;
 * - then, in both modes, a pipeline whose workflows include running or
 *   queued work (running, failing, queued, blocked; not only on_hold) is
 *   read again 10 s after its last answer, as long as that holds (TanStack
 *   Query's refetchInterval restarts when the query's data updates).
 *   Nothing else is polled (the pipeline list is not).
 * The suite checks this against a real tab of the plugin (Chromium) in the
 * same conditions, per mode.
 */
import http from 'node:http';

export const POLL_MS = 10_000;
const WORKFLOW_PAGE_CAP = 5; // pageCap('listWorkflows') in the endpoint table
const CONNECTIONS = 6;
const ACTIVE_NOT_WAITING = new Set(['running', 'failing', 'queued', 'not_running', 'scheduled', 'blocked']);
const ACTIVE = new Set([...ACTIVE_NOT_WAITING, 'on_hold']);

/** workflowsPollGroup(...) === 'running': some active workflow that is not only waiting for an approval. */
export function pollsWorkflows(workflows) {
  const active = (workflows ?? []).map(w => w.status).filter(s => ACTIVE.has(s));
  return active.length > 0 && !active.every(s => s === 'on_hold');
}

/** A JSON GET with `agent`; resolves `{ status, json }`. */
function getJson({ url, token, agent }) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } }, response => {
      const chunks = [];
      response.on('data', c => chunks.push(c));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: response.statusCode, json: JSON.parse(text) });
        } catch {
          resolve({ status: response.statusCode, json: undefined });
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/**
 * One simulated user of the pipelines tab of `slug`, in `mode` (`proxy`:
 * `base` is the proxy endpoint's URL; `backend`: the backend plugin's).
 * `start()` sends the first page and starts polling; `stop()` ends it.
 * `sent` counts the requests it sent (to Backstage), `firstPageMs` is how
 * long its first page took.
 */
export function simulatedUser({ mode, base, token, slug }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const timers = new Set();
  let stopped = false;
  const user = { sent: 0, errors: 0, firstPageMs: undefined, pollsScheduled: 0 };
  const get = async path => {
    user.sent += 1;
    const answer = await getJson({ url: `${base}${path}`, token, agent });
    if (answer.status < 200 || answer.status >= 300 || !answer.json) {
      user.errors += 1;
      throw new Error(`${mode} ${path}: HTTP ${answer.status}`);
    }
    return answer.json;
  };
  const workflowsOf = async id => {
    const items = [];
    let token_;
    for (let page = 0; page < WORKFLOW_PAGE_CAP; page++) {
      const query = token_ ? `?page-token=${encodeURIComponent(token_)}` : '';
      const body = await get(`v2/pipeline/${id}/workflow${query}`);
      items.push(...body.items);
      token_ = body.next_page_token;
      if (!token_) break;
    }
    return items;
  };
  const schedule = (id, workflows) => {
    if (stopped || !pollsWorkflows(workflows)) return;
    user.pollsScheduled += 1;
    const timer = setTimeout(async () => {
      timers.delete(timer);
      if (stopped) return;
      let next = workflows;
      try {
        next = await workflowsOf(id);
      } catch {
        // The plugin backs off after a failure; the bench fails on errors instead (see `errors`).
        return;
      }
      schedule(id, next);
    }, POLL_MS);
    timers.add(timer);
  };
  user.start = async () => {
    const t0 = performance.now();
    const project = encodeURIComponent(slug);
    if (mode === 'backend') {
      const page = await get(`pipelines?project=${project}`);
      await Promise.all(
        page.items.map(async ({ pipeline, workflows }) => {
          const wfs = workflows ?? (await workflowsOf(pipeline.id));
          schedule(pipeline.id, wfs);
        }),
      );
    } else {
      const page = await get(`v2/project/${slug}/pipeline`);
      // The plugin hands the browser 12 at once; the agent holds all but 6, as the browser does.
      await Promise.all(page.items.map(async p => schedule(p.id, await workflowsOf(p.id))));
    }
    user.firstPageMs = performance.now() - t0;
  };
  user.stop = () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    agent.destroy();
  };
  return user;
}
