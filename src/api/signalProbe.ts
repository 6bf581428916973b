/*
 * The backend plugin's signal probe, `POST /api/circleci/signals/probe`:
 * the backend answers it by publishing `{ kind: 'probe', nonce }` on the
 * channel, to the calling user alone. It is the plugin's own route (backend
 * mode only), not a CircleCI endpoint, so it is not in the endpoint table.
 */
import type { CircleCITransport } from './transport';

/**
 * Options of `CircleCIApi.probeSignals`.
 * @public
 */
export interface ProbeSignalsOptions {
  /** The signal channel the tab subscribed to (`circleCISignalChannel`). */
  channel: string;
  /** A value the answer carries back, unique to this probe. */
  nonce: string;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/**
 * Sends one probe over the transport (a POST: sent once, never retried).
 * Resolves when the backend accepted it (any 2xx); the answer itself comes
 * on the channel.
 */
export async function sendSignalProbe(options: {
  transport: CircleCITransport;
  values: ProbeSignalsOptions;
}): Promise<void> {
  const { transport, values } = options;
  await transport.post({
    path: 'signals/probe',
    body: { channel: values.channel, nonce: values.nonce },
    signal: values.signal,
  });
}
