/*
 * The poll rule with CircleCI signals (backend mode): running work is polled
 * every 10 s as without signals unless signals are live and a completion
 * signal proved that the project's webhooks arrive; then every 30 s. The
 * real client against the fake backend plugin, with a test double of
 * Backstage's signals API; polls are timed at the fake.
 */
import { ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { TestApiProvider, mockApis } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { parseProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { circleCIApiRef } from '../../../api/CircleCIApi';
import { createCircleCIApi } from '../../../api/createCircleCIApi';
import { useCircleCISignals } from '../../../hooks/useCircleCISignals';
import { setupFakeCircleCI } from '../../../__testUtils__/setup';
import { createTestSignalApi, type TestSignalApi } from '../../../__testUtils__/signals';
import { unmountAndRelease, CHANNEL, PROBE, ROCKET, completion, signalsTabHelpers } from '../../../__testUtils__/signalsTab';
import { advance, settle } from '../../../__testUtils__/timers';
import { POLL_INTERVAL_MS, SIGNALS_POLL_INTERVAL_MS } from '../../../query/pollRule';
import { PROBE_DELAY_MS, PROBE_TIMEOUT_MS, REPROBE_MS } from '../../../query/signalWatch';
import { signalsLive } from '../../../query/signalsLive';

jest.setTimeout(60_000);

const ctx = setupFakeCircleCI({ backend: true });
const { renderTab, workflowOf } = signalsTabHelpers(ctx);

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

describe('the poll rule with and without live signals', () => {
  /**
   * The gaps between the polls of a running workflow on its page, from the
   * probe on; with `completionFirst`, a completion signal of another
   * (finished) workflow comes right after the probe.
   */
  async function pollGaps(options: {
    signals?: TestSignalApi;
    answerProbes?: boolean;
    completionFirst?: boolean;
    polls: number;
    interval: number;
  }) {
    const { workflowId } = workflowOf(1264);
    const path = `GET v2/workflow/${workflowId}`;
    const { unmount } = await renderTab({ ...options, route: `/workflows/${workflowId}` });
    await advance(PROBE_DELAY_MS + 1000);
    if (options.completionFirst) {
      publishOtherCompletion(options.signals!);
    }
    await advance(PROBE_TIMEOUT_MS - 1000);
    await settle();
    const from = ctx.backend.requests.length;
    await advance(options.polls * options.interval + 1000);
    await settle();
    const times = ctx.fake.requests.filter(r => `${r.method} ${r.path}` === path).map(r => r.time);
    const recent = times.slice(-options.polls - 1);
    const gaps = recent.slice(1).map((t, i) => t - recent[i]);
    const probes = ctx.backend.requests.filter(r => r === PROBE).length;
    const since = ctx.backend.requests.slice(from);
    await unmountAndRelease(unmount);
    return { gaps, probes, since };
  }

  /** A completion of a finished workflow the page does not show (proof that webhooks arrive; it reads nothing here). */
  function publishOtherCompletion(signals: TestSignalApi) {
    signals.publish(CHANNEL, completion({ kind: 'workflow-completed', ...workflowOf(1261), pipelineNumber: 1261 }));
  }

  it('without the signals plugin: no probe, running work polled every 10 s as today', async () => {
    const { gaps, probes } = await pollGaps({ polls: 3, interval: POLL_INTERVAL_MS });
    expect(probes).toBe(0);
    expect(gaps).toEqual([10_000, 10_000, 10_000]);
  });

  it('no probe answer (a broken signals backend): polled every 10 s as today; the next probe after 60 s', async () => {
    const signals = createTestSignalApi();
    const { gaps, probes } = await pollGaps({ signals, answerProbes: false, polls: 3, interval: POLL_INTERVAL_MS });
    expect(gaps).toEqual([10_000, 10_000, 10_000]);
    expect(probes).toBe(1);
    expect(signalsLive()).toBe(false);
    expect(REPROBE_MS).toBe(60_000);
  });

  it('probe answered but no completion signal yet (webhooks not registered): polled every 10 s as today', async () => {
    const signals = createTestSignalApi();
    const { gaps, probes } = await pollGaps({ signals, polls: 3, interval: POLL_INTERVAL_MS });
    expect(gaps).toEqual([10_000, 10_000, 10_000]);
    expect(probes).toBe(1);
    expect(signalsLive()).toBe(false);
  });

  it('live signals and a completion seen: running work polled every 30 s', async () => {
    const signals = createTestSignalApi();
    const { gaps, probes } = await pollGaps({ signals, completionFirst: true, polls: 3, interval: SIGNALS_POLL_INTERVAL_MS });
    expect(SIGNALS_POLL_INTERVAL_MS).toBe(30_000);
    // The first slow wait runs from the completion signal (3 s after the first read).
    expect(gaps[0]).toBe(PROBE_DELAY_MS + 1000 + 30_000);
    expect(gaps.slice(1)).toEqual([30_000, 30_000]);
    expect(probes).toBe(2); // the first, and one 60 s later
  });

  it('proxy mode: no subscription and no probe, even with the signals plugin', async () => {
    const signals = createTestSignalApi();
    const api = createCircleCIApi({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
      fetchApi: { fetch },
      configApi: mockApis.config({ data: { circleci: { backend: { enabled: false } } } }),
    });
    const wrapper = (props: { children: ReactNode }) => (
      <TestApiProvider
        apis={[
          [circleCIApiRef, api],
          [signalApiRef, signals],
        ]}
      >
        {props.children}
      </TestApiProvider>
    );
    const { result, unmount } = renderHook(
      () => useCircleCISignals({ projectSlugs: [parseProjectSlug(ROCKET)] }),
      { wrapper },
    );
    await advance(PROBE_DELAY_MS + PROBE_TIMEOUT_MS);
    expect(api.probeSignals).toBeUndefined();
    expect(signals.channels).toEqual([]);
    expect(result.current.live).toBe(false);
    expect(ctx.backend.requests).toEqual([]);
    await unmountAndRelease(unmount);
  });
});
