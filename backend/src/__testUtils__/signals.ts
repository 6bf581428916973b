/*
 * A signals service that records what the plugin publishes, for
 * startTestBackend's `features` (replaces the default, which publishes on
 * the events bus).
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { signalsServiceRef, type SignalPayload } from '@backstage/plugin-signals-node';

/** A recording signals service and its factory. */
export function createRecordingSignals() {
  const published: SignalPayload[] = [];
  const factory = createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      async publish(signal: SignalPayload) {
        published.push(signal);
      },
    }),
  });
  return { factory, published };
}
