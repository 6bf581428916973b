/*
 * Bounded concurrency: at most `max` upstream requests at once on this
 * replica; the others wait their turn, oldest first.
 */

/** Runs tasks with at most `max` of them at once. */
export interface Limiter {
  /** Runs `task` when a slot is free; resolves or rejects as it does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

/** Creates a {@link Limiter}; `max` must be a whole number of at least 1. */
export function createLimiter(options: { max: number }): Limiter {
  const { max } = options;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`The upstream concurrency must be a whole number of at least 1, got ${max}.`);
  }
  let active = 0;
  const queue: Array<() => void> = [];

  const release = () => {
    active -= 1;
    const next = queue.shift();
    if (next) {
      active += 1;
      next();
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const start = () => {
        let result: Promise<T>;
        try {
          result = task();
        } catch (e) {
          result = Promise.reject(e);
        }
        return result.finally(release);
      };
      if (active < max) {
        active += 1;
        return start();
      }
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          start().then(resolve, reject);
        });
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
