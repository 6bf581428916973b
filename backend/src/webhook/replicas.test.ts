/*
 * Two replicas sharing one real redis-server: a webhook handled by one
 * drops the shared entries for both, and a replay of its id at the other
 * replica changes nothing (the ids handled are in the shared store).
 *
 * Without redis-server this suite is skipped locally and fails under CI
 * (CI=true): `apt-get install -y redis-server`.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFakeCircleCIServer, type FakeCircleCIServer } from '../../../dev/fake-circleci/server';
import { startHarness, type Harness } from '../__testUtils__/harness';
import { closingCacheServiceFactory, findRedisServer, startRedisServer, type RedisServer } from '../__testUtils__/redis';
import { createRecordingSignals } from '../__testUtils__/signals';
import { signBody } from './signature';

const binary = findRedisServer();
const describeRedis = binary || process.env.CI ? describe : describe.skip;
const SECRET = 'replicas-secret';

describeRedis('webhooks on two replicas sharing one redis-server', () => {
  let redis: RedisServer | undefined;
  let fakeServer: FakeCircleCIServer | undefined;
  const replicas: Array<{ h: Harness; signals: ReturnType<typeof createRecordingSignals> }> = [];

  beforeAll(async () => {
    if (!binary) {
      throw new Error('redis-server is not on PATH: install it (apt-get install -y redis-server). Under CI this test never skips.');
    }
    redis = await startRedisServer({ binary });
    fakeServer = await startFakeCircleCIServer({ seed: 1 });
    for (let i = 0; i < 2; i += 1) {
      const signals = createRecordingSignals();
      const h = await startHarness({
        fakeServer,
        config: {
          backend: { cache: { store: 'redis', connection: redis.url } },
          circleci: { webhook: { secret: SECRET } },
        },
        features: [closingCacheServiceFactory, signals.factory],
      });
      replicas.push({ h, signals });
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map(r => r.h.stop()));
    await fakeServer?.close();
    await redis?.stop();
  });

  it('drops the shared entries once, and ignores the replay at the other replica', async () => {
    const [a, b] = replicas;
    const { failingJob } = fakeServer!.fake.demo;
    const ref = fakeServer!.fake.state.findWorkflow(failingJob.workflowId)!;
    const path = `v2/workflow/${failingJob.workflowId}`;
    const upstreamOf = async (h: Harness) => {
      h.clear();
      expect((await h.call(path)).status).toBe(200);
      return h.upstream().length;
    };
    await upstreamOf(a.h);
    expect(await upstreamOf(b.h)).toBe(0); // shared

    const body = JSON.stringify({
      id: 'replica-event-1',
      type: 'workflow-completed',
      project: { slug: 'github/acme/rocket' },
      pipeline: { id: ref.pipeline.id, number: ref.pipeline.number },
      workflow: { id: failingJob.workflowId, status: 'failed' },
    });
    const send = (h: Harness) =>
      h.call('webhook', {
        method: 'POST',
        body,
        headers: {
          authorization: mockCredentials.none.header(),
          'content-type': 'application/json',
          'circleci-signature': signBody({ secret: SECRET, body }),
        },
      });
    expect((await send(a.h)).json()).toMatchObject({ result: 'accepted' });
    expect(await upstreamOf(b.h)).toBe(1); // dropped for both
    expect((await send(b.h)).json()).toMatchObject({ result: 'duplicate' });
    expect(await upstreamOf(a.h)).toBe(0);
    expect([a.signals.published.length, b.signals.published.length]).toEqual([1, 0]);
  });
});
