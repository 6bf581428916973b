/*
 * The aggregate: one page of pipelines with every pipeline's workflows, in
 * one request, the pieces read upstream through the cache.
 */
import { fakeClock, startHarness, type Harness } from '../__testUtils__/harness';

type Page = { items: Array<{ id: string }>; next_page_token: string | null };
type Aggregate = {
  items: Array<{ pipeline: { id: string; vcs?: { branch?: string } }; workflows: unknown[] | null }>;
  next_page_token: string | null;
};

let h: Harness;
let clock: ReturnType<typeof fakeClock>;

beforeAll(async () => {
  clock = fakeClock();
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
  clock.restore();
});
beforeEach(() => {
  clock.advance(60_000); // every list entry of the test before is stale
  h.clear();
});

/** What the fake answers directly (counted as upstream requests: call it after counting). */
async function direct<T>(path: string): Promise<T> {
  const response = await h.fake.handle(
    new Request(`http://circleci.test/api/${path}`, { headers: { 'Circle-Token': h.fake.token } }),
  );
  return (await response.json()) as T;
}

/** The page of pipelines and all workflows of each, read from the fake directly; with the requests it took. */
async function expected(query: string): Promise<{ body: Aggregate; requests: number }> {
  const page = await direct<Page>(`v2/project/gh/acme/rocket/pipeline${query}`);
  let requests = 1;
  const items = [];
  for (const pipeline of page.items) {
    const workflows: unknown[] = [];
    let token: string | null = null;
    do {
      const suffix: string = token ? `?page-token=${encodeURIComponent(token)}` : '';
      const wf: Page = await direct<Page>(`v2/pipeline/${pipeline.id}/workflow${suffix}`);
      requests += 1;
      workflows.push(...wf.items);
      token = wf.next_page_token ?? null;
    } while (token);
    items.push({ pipeline, workflows });
  }
  return { body: { items, next_page_token: page.next_page_token ?? null }, requests } as {
    body: Aggregate;
    requests: number;
  };
}

describe('GET /pipelines', () => {
  it('answers a page of pipelines with all their workflows, then serves it warm with 0 upstream requests', async () => {
    const answer = await h.call('pipelines?project=gh/acme/rocket');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-circleci-cache']).toBe('miss');
    const body = answer.json<Aggregate>();
    expect(body.items).toHaveLength(20);
    const sent = h.upstream().length;
    const want = await expected('');
    expect(body).toEqual(want.body);
    expect(sent).toBe(want.requests);
    expect(body.items.every(i => Array.isArray(i.workflows))).toBe(true);

    h.clear();
    const warm = await h.call('pipelines?project=gh%2Facme%2Frocket');
    expect(warm.status).toBe(200);
    expect(warm.json()).toEqual(body);
    expect(warm.headers['x-circleci-cache']).toBe('hit');
    expect(h.upstream()).toHaveLength(0);
  });

  it('pages with page-token, and follows a pipeline with more than one page of workflows', async () => {
    const first = (await h.call('pipelines?project=gh/acme/rocket')).json<Aggregate>();
    expect(first.next_page_token).toEqual(expect.any(String));
    h.clear();
    const token = encodeURIComponent(first.next_page_token!);
    const second = await h.call(`pipelines?project=gh/acme/rocket&page-token=${token}`);
    expect(second.status).toBe(200);
    const want = await expected(`?page-token=${token}`);
    expect(second.json()).toEqual(want.body);
    const ids = new Set(first.items.map(i => i.pipeline.id));
    expect(second.json<Aggregate>().items.some(i => ids.has(i.pipeline.id))).toBe(false);

    const branch = encodeURIComponent(h.fake.demo.slashWorkflow.branch);
    const many = (await h.call(`pipelines?project=gh/acme/rocket&branch=${branch}`)).json<Aggregate>();
    expect(many.items.every(i => i.pipeline.vcs?.branch === h.fake.demo.slashWorkflow.branch)).toBe(true);
    const biggest = Math.max(...many.items.map(i => i.workflows?.length ?? 0));
    expect(biggest).toBe(22);
  });

  it('sends the workflow lists upstream in parallel', async () => {
    h.fake.setLatency(50);
    try {
      const t0 = performance.now();
      const answer = await h.call('pipelines?project=gh/acme/rocket');
      const elapsed = performance.now() - t0;
      expect(answer.status).toBe(200);
      // 21 or more requests of 50 ms each, one after the other, would take over a second.
      expect(elapsed).toBeLessThan(21 * 50 * 0.6);
    } finally {
      h.fake.setLatency(0);
    }
  });

  it('refuses a missing or malformed project with 400 and sends nothing', async () => {
    for (const query of ['', '?branch=main', '?project=gh/acme', '?project=gh/acme/rocket/x', '?project=xx/acme/rocket', '?project=gh/../rocket', '?project=gh/acme/rocket&project=gh/acme/bucket']) {
      const answer = await h.call(`pipelines${query}`);
      expect({ query, status: answer.status }).toEqual({ query, status: 400 });
      expect(answer.json().message).toEqual(expect.any(String));
    }
    expect(h.upstream()).toHaveLength(0);
  });

  it("answers a project CircleCI does not know as CircleCI does", async () => {
    const answer = await h.call('pipelines?project=gh/acme/missing');
    expect(answer.status).toBe(404);
    expect(h.upstream()).toHaveLength(1);
  });
});
