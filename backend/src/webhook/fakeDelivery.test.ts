/*
 * The fake CircleCI's own webhooks, end to end: when simulated work
 * completes, the fake POSTs one signed event per completion to the
 * backend, which accepts each and publishes its signal.
 */
import { startHarness, type Harness } from '../__testUtils__/harness';
import { createRecordingSignals } from '../__testUtils__/signals';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { createFakeCircleCI } from '../../../dev/fake-circleci';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFakeCircleCIServer, type FakeCircleCIServer } from '../../../dev/fake-circleci/server';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { createCompletionWatch } from '../../../dev/fake-circleci/sim/completions';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { longProjectSlug } from '../../../dev/fake-circleci/http/webhookPayload';

const SECRET = 'fake-to-backend-secret';
const signals = createRecordingSignals();
let clock = Date.UTC(2026, 0, 15, 12, 0, 0);
let fakeServer: FakeCircleCIServer;
let h: Harness;

beforeAll(async () => {
  fakeServer = await startFakeCircleCIServer({ fake: createFakeCircleCI({ seed: 1, now: () => clock }) });
  h = await startHarness({ fakeServer, config: { circleci: { webhook: { secret: SECRET } } }, features: [signals.factory] });
});
afterAll(async () => {
  await h.stop();
  await fakeServer.close();
});

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

it('sends one signed event per completion, which the backend accepts and signals', async () => {
  fakeServer.webhooks.configure({ url: `http://127.0.0.1:${h.port}/api/circleci/webhook`, secret: SECRET });
  // The first moment something completes after now, found with a watch of our own.
  const probe = createCompletionWatch();
  probe.poll({ state: fakeServer.fake.state, t: clock });
  let found = probe.poll({ state: fakeServer.fake.state, t: clock });
  let t = clock;
  while (found.length === 0 && t < clock + 3_600_000) {
    t += 1000;
    found = probe.poll({ state: fakeServer.fake.state, t });
  }
  expect(found.length).toBeGreaterThan(0);
  clock = t; // the fake's ticker (every 250 ms) notices
  await until(() => fakeServer.webhooks.deliveries.filter(d => d.answeredAt !== undefined).length >= found.length);
  await new Promise(resolve => setTimeout(resolve, 600)); // a few more ticks: nothing is sent twice
  const { deliveries } = fakeServer.webhooks;
  expect(deliveries.map(d => [d.type, d.workflowId, d.status, d.attempts])).toEqual(
    found.map(c => [c.type, c.ref.workflow.id, 200, 1]),
  );
  expect(signals.published.map(s => [s.channel, s.recipients, s.message.kind, s.message.workflowId])).toEqual(
    found.map(c => [
      `circleci:project:${longProjectSlug(c.ref.project)}`.toLowerCase(),
      { type: 'broadcast' },
      c.type,
      c.ref.workflow.id,
    ]),
  );
});
