/*
 * A test double of Backstage's signals API (`signalApiRef`, the seam the
 * signals plugin fills): subscriptions are kept here, and the test (or the
 * fake backend's probe handler) publishes messages to them.
 */
import type { JsonObject } from '@backstage/types';
import type { SignalApi } from '@backstage/plugin-signals-react';

/** A {@link SignalApi} whose messages the test publishes. */
export interface TestSignalApi extends SignalApi {
  /** Delivers `message` to every subscriber of `channel` (as the signals client does). */
  publish(channel: string, message: JsonObject): void;
  /** The channels subscribed now, one entry per subscription. */
  readonly channels: readonly string[];
}

/** Creates a {@link TestSignalApi}. */
export function createTestSignalApi(): TestSignalApi {
  const subscriptions = new Map<number, { channel: string; onMessage: (message: JsonObject) => void }>();
  let next = 0;
  return {
    subscribe<TMessage extends JsonObject = JsonObject>(channel: string, onMessage: (message: TMessage) => void) {
      const id = next++;
      subscriptions.set(id, { channel, onMessage: onMessage as (message: JsonObject) => void });
      return { unsubscribe: () => subscriptions.delete(id) };
    },
    publish(channel, message) {
      for (const s of [...subscriptions.values()]) if (s.channel === channel) s.onMessage(message);
    },
    get channels() {
      return [...subscriptions.values()].map(s => s.channel);
    },
  };
}
