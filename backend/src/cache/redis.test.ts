/*
 * Two replicas, one real redis-server (Debian's package): the backend's
 * cache service is backend-defaults' CacheManager with
 * `backend.cache.store: redis`, as in production. Both replicas share the
 * answers and the 429 window through it; upstream requests are counted at
 * the one fake CircleCI both replicas talk to.
 *
 * Without redis-server this suite is skipped locally and fails under CI
 * (CI=true): `apt-get install -y redis-server`.
 */
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFakeCircleCIServer, type FakeCircleCIServer } from '../../../dev/fake-circleci/server';
import { fakeClock, startHarness, type Answer, type Harness } from '../__testUtils__/harness';
import { closingCacheServiceFactory, findRedisServer, startRedisServer, type RedisServer } from '../__testUtils__/redis';

const binary = findRedisServer();
const describeRedis = binary || process.env.CI ? describe : describe.skip;

const PROJECT = 'gh/acme/rocket';
const LIST = `v2/project/${PROJECT}/pipeline`;

describeRedis('two backend replicas sharing one redis-server', () => {
  let redis: RedisServer | undefined;
  let fakeServer: FakeCircleCIServer | undefined;
  let a: Harness | undefined;
  let b: Harness | undefined;

  const replica = () =>
    startHarness({
      fakeServer,
      actionsEnabled: true,
      config: { backend: { cache: { store: 'redis', connection: redis!.url } } },
      features: [closingCacheServiceFactory],
    });

  /** What reaches the fake while `run` runs, as `METHOD path?query`. */
  const upstreamDuring = async (run: () => Promise<unknown>): Promise<string[]> => {
    const { requests } = fakeServer!.fake;
    const before = requests.length;
    await run();
    return requests.slice(before).map(r => `${r.method} ${r.path}`);
  };

  /** Empties the shared store. */
  const flush = async () => {
    const reply = await redis!.command('FLUSHALL');
    if (reply !== '+OK') throw new Error(`redis FLUSHALL answered ${reply}`);
  };

  /** A user opening the pipelines tab and one workflow page. */
  const openTab = async (replicaOf: Harness): Promise<Answer[]> => {
    const workflowId = fakeServer!.fake.demo.failingJob.workflowId;
    const paths = [`pipelines?project=${PROJECT}`, `v2/workflow/${workflowId}`, `v2/workflow/${workflowId}/job`];
    const answers = await Promise.all(paths.map(p => replicaOf.call(p)));
    expect(answers.map(x => x.status)).toEqual([200, 200, 200]);
    return answers;
  };

  beforeAll(async () => {
    if (!binary) {
      throw new Error('redis-server is not on PATH: install it (apt-get install -y redis-server). Under CI this test never skips.');
    }
    redis = await startRedisServer({ binary });
    fakeServer = await startFakeCircleCIServer({ seed: 1, latencyMs: 20 });
  });

  afterAll(async () => {
    await fakeServer?.close();
    await redis?.stop();
  });

  beforeEach(async () => {
    await flush();
    [a, b] = await Promise.all([replica(), replica()]);
  });

  afterEach(async () => {
    // The replicas close their Redis connections before the server goes away.
    await Promise.all([a?.stop(), b?.stop()]);
    a = undefined;
    b = undefined;
  });

  it('lets 10 users across both replicas cost upstream what 1 user costs', async () => {
    const oneUser = await upstreamDuring(() => openTab(a!));
    // The page of pipelines, each pipeline's workflow list, the workflow and its jobs.
    expect(oneUser.length).toBeGreaterThanOrEqual(23);
    expect(Number(await redis!.command('DBSIZE').then(r => r.slice(1)))).toBeGreaterThanOrEqual(oneUser.length);

    await flush();
    const answersOfOthers: Answer[] = [];
    const tenUsers = await upstreamDuring(async () => {
      await openTab(a!); // the first user, on replica A
      const others = await Promise.all(
        Array.from({ length: 9 }, (_, i) => openTab(i % 2 === 0 ? b! : a!)), // 5 on B, 4 more on A, at once
      );
      answersOfOthers.push(...others.flat());
    });
    expect([...tenUsers].sort()).toEqual([...oneUser].sort());
    expect(answersOfOthers.map(x => x.headers['x-circleci-cache'])).toEqual(Array(27).fill('hit'));
  });

  it('sends a key upstream at most once per replica when 10 users arrive at once on a cold cache', async () => {
    const paths = await upstreamDuring(() => Promise.all(Array.from({ length: 10 }, (_, i) => openTab(i % 2 ? b! : a!))));
    const perPath = new Map<string, number>();
    for (const p of paths) perPath.set(p, (perPath.get(p) ?? 0) + 1);
    expect(perPath.size).toBeGreaterThanOrEqual(23);
    expect(Math.max(...perPath.values())).toBeLessThanOrEqual(2);
  });

  it("serves replica A's answer as a hit on replica B, and B sees A's action drop it", async () => {
    const workflowId = fakeServer!.fake.demo.failingJob.workflowId;
    const onA = await a!.call(`v2/workflow/${workflowId}`);
    expect(onA.headers['x-circleci-cache']).toBe('miss');
    const aggregateOnA = await a!.call(`pipelines?project=${PROJECT}`);
    expect(aggregateOnA.headers['x-circleci-cache']).toBe('miss');

    let onB: Answer | undefined;
    let aggregateOnB: Answer | undefined;
    const upstream = await upstreamDuring(async () => {
      onB = await b!.call(`v2/workflow/${workflowId}`);
      aggregateOnB = await b!.call(`pipelines?project=${PROJECT}`);
    });
    expect(upstream).toEqual([]);
    expect(onB!.headers['x-circleci-cache']).toBe('hit');
    expect(onB!.text).toBe(onA.text);
    expect(aggregateOnB!.headers['x-circleci-cache']).toBe('hit');
    expect(aggregateOnB!.json()).toEqual(aggregateOnA.json());

    const rerun = await a!.call(`v2/workflow/${workflowId}/rerun?entity=component:default/rocket`, {
      method: 'POST',
      body: { from_failed: true },
    });
    expect(rerun.status).toBeLessThan(300);
    const afterAction = await upstreamDuring(async () => {
      expect((await b!.call(`v2/workflow/${workflowId}`)).headers['x-circleci-cache']).toBe('miss');
    });
    expect(afterAction).toEqual([`GET v2/workflow/${workflowId}`]);
  });

  it('pauses replica B when replica A gets a 429', async () => {
    const clock = fakeClock(Date.now());
    try {
      const workflowId = fakeServer!.fake.demo.failingJob.workflowId;
      const fresh = await b!.call(LIST);
      expect(fresh.headers['x-circleci-cache']).toBe('miss');

      fakeServer!.fake.failPath({ match: 'GET ', status: 429, retryAfter: '30', times: 1 });
      const refused = await a!.call(`v2/workflow/${workflowId}`);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('30');

      // B looks at the shared window at most once a second; 6 s on, its list is stale too.
      clock.advance(6_000);
      const upstream = await upstreamDuring(async () => {
        const stale = await b!.call(LIST);
        expect(stale.status).toBe(200);
        expect(stale.text).toBe(fresh.text);
        expect(stale.headers['x-circleci-cache']).toBe('stale');
        expect(stale.headers['retry-after']).toBe('24');
        const none = await b!.call(`v2/workflow/${workflowId}/job`);
        expect(none.status).toBe(503);
        expect(none.headers['retry-after']).toBe('24');
      });
      expect(upstream).toEqual([]);

      clock.advance(24_001);
      const resumed = await upstreamDuring(async () => {
        expect((await b!.call(`v2/workflow/${workflowId}/job`)).status).toBe(200);
      });
      // The jobs' workflow is read first: it names the project the read check needs.
      expect(resumed).toEqual([`GET v2/workflow/${workflowId}`, `GET v2/workflow/${workflowId}/job`]);
    } finally {
      clock.restore();
    }
  });
});
