/*
 * The step log's box with a 200,000-line log from the fake CircleCI: a
 * `#line-N` link is scrolled to and selected once the line has streamed
 * in, and a growing log is followed only while the reader is at the bottom.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { StepLog } from '../StepLog';
import { API_BASE, renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { sizeLogViewer } from '../../../__testUtils__/layout';
import { LOG_ROW_PX } from './logViewerScroll';

jest.setTimeout(60_000);
const ctx = setupFakeCircleCI();
sizeLogViewer();

function renderLog(options: { live?: boolean; route?: string }) {
  const { hugeLogJob } = ctx.fake.demo;
  const projectSlug = ctx.fake.demo.slugs.rocket;
  return renderWithEntity({
    element: (
      <StepLog
        projectSlug={projectSlug}
        jobNumber={hugeLogJob.jobNumber}
        containerIndex={0}
        stepNumber={hugeLogJob.step}
        live={options.live}
      />
    ),
    slug: projectSlug,
    routeEntries: options.route ? [options.route] : undefined,
  });
}

/** The fake's own answer to `request`, as bytes. */
async function fakeBytes(request: Request): Promise<Uint8Array> {
  const headers = new Headers(request.headers);
  headers.set('Circle-Token', ctx.fake.token);
  const answer = await ctx.fake.handle(new Request(request.url, { headers }), { basePath: new URL(API_BASE).pathname });
  return new Uint8Array(await answer.arrayBuffer());
}

/** The length of the first `lines` lines of `bytes` (through their last `\n`). */
function throughLine(bytes: Uint8Array, lines: number): number {
  let at = -1;
  for (let n = 0; n < lines; n++) at = bytes.indexOf(10, at + 1);
  return at + 1;
}

/** The viewer's scrolling list. */
function listOf(viewer: HTMLElement): HTMLElement {
  const list = [...viewer.querySelectorAll<HTMLElement>('div')].find(d => d.style.overflow === 'auto');
  if (!list) throw new Error('no log list');
  return list;
}

const link = (viewer: HTMLElement, line: number) => viewer.querySelector<HTMLElement>(`a[href="#line-${line}"]`);

describe('the step log box', () => {
  afterEach(() => jest.useRealTimers());

  it('scrolls to the line a #line-N link names once it has streamed in, and selects it', async () => {
    // The fake's log, sent as a first chunk (about 2,500 lines) and the rest once the test says so.
    let release: () => void = () => {};
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    ctx.server.use(
      http.get(`${API_BASE}/private/output/raw/*`, async ({ request }) => {
        const bytes = await fakeBytes(request);
        const body = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(bytes.slice(0, 300_000));
            await released;
            for (let at = 300_000; at < bytes.length; at += 4_000_000) controller.enqueue(bytes.slice(at, at + 4_000_000));
            controller.close();
          },
        });
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    let viewer: HTMLElement;
    try {
      await renderLog({ route: '/#line-150000' });
      viewer = await screen.findByTestId('step-log-viewer', {}, { timeout: 10_000 });
      await waitFor(() => expect(viewer.querySelector('a[href^="#line-"]')).not.toBeNull(), { timeout: 10_000 });
      // Not there yet: the viewer shows the end of what has arrived.
      expect(link(viewer, 150_000)).toBeNull();
      expect(screen.getByTestId('step-log-streaming')).toBeInTheDocument();
    } finally {
      release();
    }
    const start = performance.now();
    // In view and selected, as a click on its number selects it (highlighted, with the copy button).
    // (The viewer renders its rows afresh on each update: look them up each time.)
    await waitFor(
      () => {
        const row = link(viewer, 150_000)?.parentElement;
        expect(row?.className).toMatch(/lineSelected/);
        expect(within(row!).getByRole('button', { name: 'Copy the selected lines' })).toBeInTheDocument();
      },
      { timeout: 20_000 },
    );
    // eslint-disable-next-line no-console
    console.info(`line 150,000 of 200,000 in view ${Math.round(performance.now() - start)} ms after the rest was let go`);
    // In the middle of the box, the log complete but its end not in view.
    const list = listOf(viewer!);
    expect(Math.abs(list.scrollTop + list.clientHeight / 2 - 150_000 * LOG_ROW_PX)).toBeLessThanOrEqual(LOG_ROW_PX);
    expect(screen.queryByTestId('step-log-streaming')).toBeNull();
    expect(link(viewer!, 200_000)).toBeNull();
    // A finished log has nothing to follow: no "Jump to latest".
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('follows a growing log only while the reader is at the bottom; "Jump to latest" follows it again', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    // A running step's log: 150,000 lines at the first read, all 200,000 at the next.
    let reads = 0;
    ctx.server.use(
      http.get(`${API_BASE}/private/output/raw/*`, async ({ request }) => {
        const bytes = await fakeBytes(request);
        reads++;
        const body = reads === 1 ? bytes.slice(0, throughLine(bytes, 150_000)) : bytes;
        return new HttpResponse(body, { headers: { 'Content-Type': 'text/plain' } });
      }),
    );
    await renderLog({ live: true });
    const viewer = await screen.findByTestId('step-log-viewer', {}, { timeout: 10_000 });
    // At the bottom: the viewer follows the end.
    await waitFor(() => expect(link(viewer, 150_000)).not.toBeNull(), { timeout: 20_000 });
    expect(viewer).toHaveAttribute('data-following', 'true');
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();

    // The reader scrolls up to line 1,001.
    const list = listOf(viewer);
    act(() => {
      list.scrollTop = 1000 * LOG_ROW_PX;
      fireEvent.scroll(list);
    });
    await waitFor(() => expect(link(viewer, 1001)).not.toBeNull());
    expect(viewer).toHaveAttribute('data-following', 'false');
    const jump = await screen.findByRole('button', { name: 'Jump to latest' });

    // The log grows: the reader stays where they are.
    await act(() => jest.advanceTimersByTimeAsync(10_000));
    await waitFor(() => expect(viewer).toHaveAttribute('data-behind', 'true'), { timeout: 20_000 });
    expect(reads).toBe(2);
    expect(list.scrollTop).toBe(1000 * LOG_ROW_PX);
    expect(link(viewer, 1001)).not.toBeNull();
    expect(viewer).not.toHaveTextContent('passed (41.2m)');

    // "Jump to latest", from the keyboard: the newest lines, followed again; the log keeps the focus.
    jump.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(link(viewer, 200_000)).not.toBeNull(), { timeout: 20_000 });
    expect(viewer).toHaveTextContent('passed (41.2m)');
    expect(viewer).toHaveAttribute('data-following', 'true');
    expect(screen.queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    expect(viewer).toHaveFocus();

    // Clicking a line number stops following too; scrolling back to the bottom follows again.
    await user.click(link(viewer, 200_000)!);
    expect(viewer).toHaveAttribute('data-following', 'false');
    expect(await screen.findByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
    act(() => {
      list.scrollTop = list.scrollHeight - list.clientHeight;
      fireEvent.scroll(list);
    });
    expect(viewer).toHaveAttribute('data-following', 'true');
  });
});
