/*
 * Every failure has a clear, specific message, in every view, and nothing
 * crashes: the pipelines tab, the workflow view and the job view are each
 * rendered through the Router against the fake with one failure injected.
 */
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { FailureRule } from '../../../../dev/fake-circleci';
import {
  API_BASE,
  createTestClient,
  renderWithEntity,
  setupFakeCircleCI,
} from '../../../__testUtils__/setup';
import { sizeLogViewer } from '../../../__testUtils__/layout';
import { TabRoutes } from './TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();
sizeLogViewer();

type View = 'pipelines' | 'workflow' | 'job';
const VIEWS: View[] = ['pipelines', 'workflow', 'job'];

/** The request each view cannot do without, as a fake match and a URL. */
function target(view: View) {
  const { failingJob } = ctx.fake.demo;
  switch (view) {
    case 'pipelines':
      return { match: /^GET v2\/project\/gh\/acme\/rocket\/pipeline/, route: '/', url: `${API_BASE}/v2/project/gh/acme/rocket/pipeline` };
    case 'workflow':
      return { match: /^GET v2\/workflow\/[^/]+$/, route: `/workflows/${failingJob.workflowId}`, url: `${API_BASE}/v2/workflow/:id` };
    default:
      return { match: /^GET v2\/project\/gh\/acme\/rocket\/job\/\d+$/, route: `/jobs/${failingJob.jobNumber}`, url: `${API_BASE}/v2/project/gh/acme/rocket/job/:n` };
  }
}

interface Case {
  name: string;
  rule?: Omit<FailureRule, 'match'>;
  body?: (view: View) => unknown;
  timeoutMs?: number;
  expected: Record<View, RegExp>;
}

const all = (re: RegExp): Record<View, RegExp> => ({ pipelines: re, workflow: re, job: re });

const CASES: Case[] = [
  { name: '400', rule: { status: 400 }, expected: all(/Request failed \(HTTP 400\)/) },
  { name: '401', rule: { status: 401 }, expected: all(/Set CIRCLECI_AUTH_TOKEN/) },
  { name: '403', rule: { status: 403 }, expected: all(/has no access to .*allowedMethods/) },
  { name: '404', rule: { status: 404 }, expected: { pipelines: /could not find project gh\/acme\/rocket/, workflow: /could not find workflow/, job: /could not find job/ } },
  { name: '429', rule: { status: 429, retryAfter: '3600' }, expected: all(/rate limit was reached: retry at \d\d:\d\d/) },
  ...[500, 502, 503, 504].map(status => ({
    name: String(status),
    rule: { status },
    expected: all(new RegExp(`answered HTTP ${status}.*try again`)),
  })),
  { name: 'a dropped connection', rule: { mode: 'drop' }, expected: all(/Could not reach the Backstage proxy/) },
  { name: 'a timeout', timeoutMs: 100, expected: all(/did not answer within/) },
  // An unreadable body: a sentence naming the request; the parser's words sit behind "Details".
  { name: 'an HTML body', rule: { mode: 'html' }, expected: all(/^CircleCI's answer for .* was a web page, not data \(request v2\//) },
  { name: 'malformed JSON', rule: { mode: 'malformed-json' }, expected: all(/^CircleCI's answer for .* could not be read \(request v2\//) },
  { name: 'a field of the wrong type', rule: { mode: 'wrong-type' }, expected: all(/^CircleCI's answer for .* could not be read \(request v2\//) },
  {
    name: 'an unknown status string',
    body: () => 'mystery_status',
    expected: all(/Unknown \(mystery_status\)/),
  },
];

describe.each(VIEWS)('the %s view', view => {
  it.each(CASES.map(c => [c.name, c] as const))('explains %s in place', async (_, c) => {
    const t = target(view);
    if (c.rule) ctx.fake.failPath({ match: t.match, ...c.rule });
    if (c.timeoutMs) ctx.fake.setLatency(1000);
    if (c.body) {
      const status = c.body(view);
      if (status) {
        // For the pipelines view, the statuses are the workflows'.
        const url = view === 'pipelines' ? `${API_BASE}/v2/pipeline/:id/workflow` : t.url;
        ctx.server.use(
          http.get(url, async ({ request }) => {
            const real = await ctx.fake.handle(
              new Request(request.url, { headers: { 'Circle-Token': ctx.fake.token } }),
              { basePath: new URL(API_BASE).pathname },
            );
            const json = await real.json();
            return HttpResponse.json(
              json.items
                ? { ...json, items: json.items.map((i: object) => ({ ...i, status })) }
                : { ...json, status },
            );
          }),
        );
      }
    }
    const client = createTestClient({ timeoutMs: c.timeoutMs });
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket', client, routeEntries: [t.route] });
    expect((await screen.findAllByText(c.expected[view], {}, { timeout: 8000 })).length).toBeGreaterThan(0);
  });
});

describe('the pipelines view with an empty list', () => {
  it('says the project has no pipelines', async () => {
    ctx.server.use(
      http.get(`${API_BASE}/v2/project/gh/acme/rocket/pipeline`, () =>
        HttpResponse.json({ items: [], next_page_token: null }),
      ),
    );
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket' });
    expect(await screen.findByText('No pipelines yet')).toBeInTheDocument();
  });

  it('says the workflow has no jobs', async () => {
    const { failingJob } = ctx.fake.demo;
    ctx.server.use(
      http.get(`${API_BASE}/v2/workflow/:id/job`, () => HttpResponse.json({ items: [], next_page_token: null })),
    );
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket', routeEntries: [`/workflows/${failingJob.workflowId}`] });
    expect(await screen.findByText('This workflow has no jobs.')).toBeInTheDocument();
  });
});

describe('an unreadable body', () => {
  it("names the request in a sentence and shows the parser's words only behind Details", async () => {
    ctx.fake.failPath({ match: /^GET v2\/project\/gh\/acme\/rocket\/pipeline/, mode: 'wrong-type' });
    await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket' });
    const sentence = await screen.findByText(
      "CircleCI's answer for project gh/acme/rocket could not be read (request v2/project/gh/acme/rocket/pipeline).",
      {},
      { timeout: 8000 },
    );
    expect(sentence).not.toHaveTextContent(/unexpected data/);
    const details = screen.getByTestId('error-details');
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText(/^unexpected data \(/)).toBeInTheDocument();
  });
});
