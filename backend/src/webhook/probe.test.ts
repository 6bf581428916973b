/*
 * POST /api/circleci/signals/probe: a signed-in user gets a probe signal on
 * the channel it names, alone; anyone else, or a channel that is not a
 * project's, is refused and nothing is published.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startHarness, type Harness } from '../__testUtils__/harness';
import { createRecordingSignals } from '../__testUtils__/signals';

const signals = createRecordingSignals();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    config: { circleci: { webhook: { secret: 'probe-test-secret' } } },
    features: [signals.factory],
  });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  signals.published.length = 0;
});

const CHANNEL = 'circleci:project:github/acme/rocket';
const probe = (body: object, headers?: Record<string, string>, as?: string) =>
  h.call('signals/probe', { method: 'POST', body, headers, as });

describe('POST /signals/probe', () => {
  it('publishes the nonce on the channel to the asking user alone, and answers 202', async () => {
    const answer = await probe({ channel: CHANNEL, nonce: 'n-1' }, undefined, 'user:default/guest');
    expect(answer.status).toBe(202);
    expect(signals.published).toEqual([
      { recipients: { type: 'user', entityRef: 'user:default/guest' }, channel: CHANNEL, message: { kind: 'probe', nonce: 'n-1' } },
    ]);
  });

  it('refuses a caller who is not signed in (401) or not a user (403)', async () => {
    const none = await probe({ channel: CHANNEL, nonce: 'n' }, { authorization: mockCredentials.none.header() });
    expect(none.status).toBe(401);
    const service = await probe({ channel: CHANNEL, nonce: 'n' }, { authorization: mockCredentials.service.header() });
    expect(service.status).toBe(403);
    expect(signals.published).toEqual([]);
  });

  it('refuses a channel that is not a project channel, and a missing or long nonce (400)', async () => {
    const bad = [
      { nonce: 'n' },
      { channel: 'catalog:entities', nonce: 'n' },
      { channel: 'circleci:project:github/acme', nonce: 'n' },
      { channel: 'circleci:project:gh/acme/rocket', nonce: 'n' }, // not as the channel function spells it
      { channel: 'circleci:project:github/Acme/rocket', nonce: 'n' },
      { channel: CHANNEL },
      { channel: CHANNEL, nonce: '' },
      { channel: CHANNEL, nonce: 'x'.repeat(65) },
      { channel: CHANNEL, nonce: 7 },
    ];
    for (const body of bad) {
      const answer = await probe(body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(answer.json().message).toEqual(expect.any(String));
    }
    expect(signals.published).toEqual([]);
  });

  it('answers 404 while webhooks are off (no secret): no completion would ever be signalled', async () => {
    const off = await startHarness({ features: [signals.factory] });
    try {
      const answer = await off.call('signals/probe', {
        method: 'POST',
        body: { channel: CHANNEL, nonce: 'n-off' },
        as: 'user:default/guest',
      });
      expect(answer.status).toBe(404);
      expect(answer.json().message).toMatch(/circleci\.webhook\.secret/);
      expect(signals.published).toEqual([]);
    } finally {
      await off.stop();
    }
  });
});
