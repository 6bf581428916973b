/*
 * Soak: 30 simulated minutes of an open tab with running workflows, against
 * a CircleCI whose answers flap between 200, 429 and 503.
 */
import { setImmediate as realSetImmediate } from 'node:timers';
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from './TabRoutes';

jest.setTimeout(120_000);
const ctx = setupFakeCircleCI();

const MINUTE = 60_000;
/** Stated bound: 30 minutes may cost at most this many requests. */
const REQUEST_BOUND = 200;

function setVisibility(state: 'visible' | 'hidden') {
  // Inside act(), React handles the event at once, as a browser would.
  act(() => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    // As in a browser, the event bubbles from the document to the window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

/** The user switches to another tab and comes back. */
function returnToPage() {
  setVisibility('hidden');
  setVisibility('visible');
}

/** Lets requests already on the wire reach the fake (msw uses real macrotasks). */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 10; i++) await new Promise(resolve => realSetImmediate(resolve));
  });
}

async function advance(ms: number) {
  // Small steps, so promise chains between timers settle.
  for (let t = 0; t < ms; t += 1000) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
  }
}

async function onHoldPipelines(paths: string[]): Promise<string[]> {
  const held: string[] = [];
  for (const path of paths) {
    const answer = await ctx.fake.handle(
      new Request(`http://x/api/${path}`, { headers: { 'Circle-Token': ctx.fake.token } }),
    );
    const { items } = (await answer.json()) as { items: Array<{ status: string }> };
    if (items.some(i => i.status === 'on_hold')) held.push(path);
  }
  return held;
}

describe('a pipeline waiting for an approval', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is re-read when the user returns to the page, not on a timer', async () => {
    const { unmount } = await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket' });
    // Let the running work finish and settle.
    await advance(20 * MINUTE);
    await settle();
    const settled = ctx.fake.requests.length;
    await advance(10 * MINUTE);
    expect(ctx.fake.requests.slice(settled)).toEqual([]);

    returnToPage();
    for (let i = 0; i < 3; i++) {
      await advance(1000);
      await settle();
    }
    const reread = ctx.fake.requests.slice(settled).map(r => r.path);
    expect(reread.length).toBeGreaterThan(0);
    expect(new Set(reread).size).toBe(reread.length);

    // A second return right after costs nothing.
    returnToPage();
    await advance(2000);
    await settle();
    expect(ctx.fake.requests.slice(settled + reread.length).map(r => r.path)).toEqual([]);
    unmount();
    // Only pipelines with a workflow on hold were re-read (asking the fake
    // directly adds to its log, so this comes last).
    expect(await onHoldPipelines(reread)).toEqual(reread);
  });
});

describe('an open pipelines tab over 30 minutes', () => {
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    let n = 0;
    // Every third answer is a 429, every third a 503, the rest real.
    ctx.server.use(
      http.all(`${API_BASE}/*`, async ({ request }) => {
        n++;
        if (n % 3 === 1 && n > 21) {
          return HttpResponse.json({ message: 'Rate limit' }, { status: 429, headers: { 'Retry-After': '2' } });
        }
        if (n % 3 === 2 && n > 21) return HttpResponse.json({ message: 'Unavailable' }, { status: 503 });
        const headers = new Headers(request.headers);
        headers.set('Circle-Token', ctx.fake.token);
        return ctx.fake.handle(new Request(request, { headers }), {
          basePath: new URL(API_BASE).pathname,
        });
      }),
    );
  });

  afterEach(() => {
    setVisibility('visible');
    jest.useRealTimers();
  });

  it('stays under the request bound, is silent while hidden, and leaks nothing', async () => {
    const { unmount } = await renderWithEntity({ element: <TabRoutes />, slug: 'gh/acme/rocket' });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(2000);
    });
    expect(screen.getAllByText(/^#\d+$/)).toHaveLength(20);
    const firstPage = ctx.fake.requests.length;
    expect(firstPage).toBeLessThanOrEqual(21);

    // 2 minutes visible: running workflows are re-read.
    await advance(2 * MINUTE);
    await settle();
    const afterVisible = ctx.fake.requests.length;
    expect(afterVisible).toBeGreaterThan(firstPage);

    // 5 minutes hidden: not one request.
    setVisibility('hidden');
    await advance(5 * MINUTE);
    expect(ctx.fake.requests.slice(afterVisible)).toEqual([]);

    // The rest of the 30 minutes visible: the work settles and polling stops.
    setVisibility('visible');
    await advance(23 * MINUTE);
    const total = ctx.fake.requests.length;
    expect(total).toBeLessThan(REQUEST_BOUND);
    // Running work has finished. Pipelines that only wait for an approval
    // (on hold) are re-read when the user returns, not on a timer: silence.
    const lastTen = ctx.fake.requests.filter(r => r.time > ctx.fake.now() - 10 * MINUTE);
    expect(lastTen).toEqual([]);
    // eslint-disable-next-line no-console
    console.info(
      `soak: ${firstPage} first page, ${afterVisible} after 2 min, ${total} in 30 min (bound ${REQUEST_BOUND}), ${lastTen.length} in the last 10 min`,
    );

    unmount();
    // A request already on the wire may still arrive; nothing new may start.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    const atUnmount = ctx.fake.requests.length;
    expect(atUnmount - total).toBeLessThanOrEqual(1);
    await advance(MINUTE);
    expect(ctx.fake.requests.length).toBe(atUnmount);
    expect(jest.getTimerCount()).toBe(0);
  });
});
