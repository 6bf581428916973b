/*
 * Helpers for the query core's tests: a hook rendered with a real client
 * (against the fake CircleCI), the page's visibility, time, and a fetch
 * that holds answers until the test lets them go.
 */
import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { type CircleCIApi, circleCIApiRef } from '../../api/CircleCIApi';
import { settle } from '../../__testUtils__/timers';

export { settle } from '../../__testUtils__/timers';

/** Renders `useHook` where `useApi(circleCIApiRef)` is `api`. */
export function renderWithApi<T>(options: { api: CircleCIApi; useHook: () => T }) {
  const wrapper = (props: { children: ReactNode }) => (
    <TestApiProvider apis={[[circleCIApiRef, options.api]]}>{props.children}</TestApiProvider>
  );
  return renderHook(options.useHook, { wrapper });
}

/** Shows or hides the page, as a browser does when the user switches tabs. */
export function setVisibility(state: 'visible' | 'hidden'): void {
  act(() => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

/** Moves fake time on by `ms`, one second at a time, letting answers arrive in between. */
export async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(Math.min(1000, ms - t));
    });
    await settle();
  }
}

/** One call of a {@link holdingFetch}. */
export interface HeldCall {
  url: string;
  signal?: AbortSignal;
}

/**
 * A fetch for `createTestClient` that holds each call while `holding`
 * (before it reaches the fake), and lets held calls go with `release`.
 * An aborted held call rejects, as a browser's fetch does.
 */
export function holdingFetch() {
  const calls: HeldCall[] = [];
  const held: Array<() => void> = [];
  let running = 0;
  let peak = 0;
  const state = { holding: true };
  const fetchFn: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const signal = init?.signal ?? undefined;
    calls.push({ url, signal });
    running++;
    peak = Math.max(peak, running);
    try {
      if (state.holding) {
        await new Promise<void>((resolve, reject) => {
          held.push(resolve);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
      return await fetch(input, init);
    } finally {
      running--;
    }
  };
  return {
    fetch: fetchFn,
    calls,
    state,
    /** The most calls that were under way at once. */
    get peak() {
      return peak;
    },
    /** Lets every call held so far go on to the fake. */
    release() {
      held.splice(0).forEach(go => go());
    },
  };
}
