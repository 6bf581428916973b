/*
 * Helpers for tests with jest's fake timers against the fake CircleCI
 * (msw answers on real macrotasks).
 */
import { setImmediate as realSetImmediate } from 'node:timers';
import { act } from '@testing-library/react';

/** Lets requests already on the wire reach the fake and their answers render. */
export async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 10; i++) await new Promise(resolve => realSetImmediate(resolve));
  });
}

/** Advances fake time in 1 s steps, so promise chains between timers settle. */
export async function advance(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 1000) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
  }
}
