/*
 * Whether CircleCI signals stand in for polling in this browser tab: set by
 * the channel watches (`signalWatch.ts`), read by the poll rule
 * (`pollRule.ts`) and by `useCircleCISignals`. True while at least one
 * watched channel's last probe was answered in time and a completion
 * signal came on it lately (its project's webhooks arrive).
 */

const liveOwners = new Set<object>();
const listeners = new Set<() => void>();

/** Records whether the signals of one watch (`owner`) are live. */
export function setSignalsLive(options: { owner: object; live: boolean }): void {
  const { owner, live } = options;
  const before = liveOwners.size > 0;
  if (live) liveOwners.add(owner);
  else liveOwners.delete(owner);
  if (before !== liveOwners.size > 0) listeners.forEach(listener => listener());
}

/** True while some watched channel's signals are live. */
export function signalsLive(): boolean {
  return liveOwners.size > 0;
}

/** Calls `listener` whenever {@link signalsLive} changes; returns the unsubscribe. */
export function subscribeSignalsLive(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
