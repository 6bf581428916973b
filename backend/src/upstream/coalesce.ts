/*
 * Coalescing: identical work in flight at once is done once (per replica);
 * every caller gets the same promise. The key names the work, e.g. the
 * cache key of a read.
 */

/** Shares one run of a task among the callers that ask while it runs. */
export interface Coalescer<T> {
  /** Joins the run of `key` in flight, or starts `task` as that run. */
  run(options: { key: string; task: () => Promise<T> }): Promise<T>;
  /** Runs in flight now. */
  readonly inFlight: number;
}

/** Creates a {@link Coalescer}. */
export function createCoalescer<T>(): Coalescer<T> {
  const running = new Map<string, Promise<T>>();
  return {
    run({ key, task }) {
      const current = running.get(key);
      if (current) return current;
      const started = (async () => task())().finally(() => {
        running.delete(key);
      });
      running.set(key, started);
      return started;
    },
    get inFlight() {
      return running.size;
    },
  };
}
