import { http, HttpResponse } from 'msw';
import { API_BASE, createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { RequestTimeoutError } from '@circleci-backstage/plugin-circleci-common';
import {
  PROGRESS_FIRST_CHARS,
  PROGRESS_INTERVAL_MS,
  PROGRESS_MAX_WAIT_MS,
  readTextStream,
} from './textStream';

const ctx = setupFakeCircleCI();
const REF = { projectSlug: 'gh/acme/rocket', jobNumber: 1, containerIndex: 0, stepNumber: 101 };
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const encoder = new TextEncoder();

/** `n` characters of log lines (each ending in a newline), marked with `tag`. */
function lines(tag: string, n: number): string {
  const line = `${tag} ✓ ${'x'.repeat(60)}\n`;
  return line.repeat(Math.ceil(n / line.length)).slice(0, n - 1).concat('\n');
}

/**
 * Serves the step output as a stream: each part is sent after its delay
 * (ms since the previous part); `stall` keeps the stream open afterwards.
 */
function serveStream(options: { parts: Array<{ text: string; delayMs?: number }>; stall?: boolean }) {
  // msw's interceptor does not pass a cancel on to this stream: see observedFetch.
  const served = { cancelled: false };
  ctx.server.use(
    http.get(`${API_BASE}/private/output/raw/*`, () => {
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const part of options.parts) {
            if (part.delayMs) await sleep(part.delayMs);
            if (served.cancelled) return;
            controller.enqueue(encoder.encode(part.text));
          }
          if (options.stall) return;
          controller.close();
        },
        cancel() {
          served.cancelled = true;
        },
      });
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/plain' } });
    }),
  );
  return served;
}

/** A fetch that counts the chunks the client reads and sees it cancel. */
function observedFetch() {
  const seen = { reads: 0, cancelled: false };
  const wrapped: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const reader = response.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        seen.reads++;
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        seen.cancelled = true;
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { seen, fetch: wrapped };
}

describe('CircleCITransport streaming text', () => {
  it('reports growing prefixes before the body ends, and resolves with all of it', async () => {
    // Each part makes the text more than 4 times as long, after 250 ms.
    const first = PROGRESS_FIRST_CHARS + 100;
    const parts = [
      { text: lines('a', first) },
      { text: lines('b', 3.2 * first), delayMs: PROGRESS_INTERVAL_MS + 50 },
      { text: lines('c', 17 * first), delayMs: PROGRESS_INTERVAL_MS + 50 },
      { text: lines('d', 1000) },
    ];
    const full = parts.map(p => p.text).join('');
    serveStream({ parts });
    const reports: Array<{ text: string; settled: boolean }> = [];
    let settled = false;
    const promise = createTestClient()
      .getStepOutput({ ...REF, onProgress: text => reports.push({ text, settled }) })
      .finally(() => {
        settled = true;
      });
    const text = await promise;
    expect(text).toBe(full);
    expect(reports.length).toBe(3);
    // The first report comes once 64 KiB have arrived, before the rest is sent.
    expect(reports[0].text).toBe(parts[0].text);
    for (const report of reports) {
      expect(report.settled).toBe(false);
      expect(full.startsWith(report.text)).toBe(true);
    }
    const grows = reports.slice(1).every((r, i) => r.text.length > reports[i].text.length);
    expect(grows).toBe(true);
  });

  it('reports a slow body after 250 ms, with a character split across chunks whole', async () => {
    const bytes = encoder.encode('first ✓ line\n');
    const cut = 7; // inside the three bytes of ✓
    ctx.server.use(
      http.get(`${API_BASE}/private/output/raw/*`, () => {
        const stream = new ReadableStream<Uint8Array>({
          async start(controller) {
            controller.enqueue(bytes.slice(0, cut));
            await sleep(PROGRESS_INTERVAL_MS + 50);
            controller.enqueue(bytes.slice(cut));
            await sleep(20);
            controller.enqueue(encoder.encode('second\n'));
            controller.close();
          },
        });
        return new HttpResponse(stream);
      }),
    );
    const reports: string[] = [];
    const text = await createTestClient().getStepOutput({ ...REF, onProgress: t => reports.push(t) });
    expect(text).toBe('first ✓ line\nsecond\n');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^first ✓ line\n/);
  });

  it('reports again once the text is 4 times as long, or after 2 s', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      let source: ReadableStreamDefaultController<Uint8Array> | undefined;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          source = controller;
        },
      });
      const reports: number[] = [];
      const done = readTextStream({
        body,
        signal: new AbortController().signal,
        onProgress: text => reports.push(text.length),
      });
      const send = async (options: { chars: number; afterMs: number }) => {
        now += options.afterMs;
        source!.enqueue(encoder.encode('x'.repeat(options.chars)));
        await sleep(20);
      };
      await send({ chars: PROGRESS_FIRST_CHARS, afterMs: 0 });
      await send({ chars: 1000, afterMs: PROGRESS_INTERVAL_MS });
      await send({ chars: 3 * PROGRESS_FIRST_CHARS, afterMs: 0 });
      await send({ chars: 10, afterMs: PROGRESS_MAX_WAIT_MS - 1 });
      await send({ chars: 10, afterMs: 1 });
      source!.close();
      const total = 4 * PROGRESS_FIRST_CHARS + 1020;
      expect(await done).toHaveLength(total);
      expect(reports).toEqual([PROGRESS_FIRST_CHARS, total - 20, total]);
    } finally {
      clock.mockRestore();
    }
  });

  it('does not report a body that arrives whole', async () => {
    const big = lines('whole', PROGRESS_FIRST_CHARS * 4);
    ctx.server.use(http.get(`${API_BASE}/private/output/raw/*`, () => HttpResponse.text(big)));
    const onProgress = jest.fn();
    await expect(createTestClient().getStepOutput({ ...REF, onProgress })).resolves.toBe(big);
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('falls back to response.text() when the response has no body stream', async () => {
    const onProgress = jest.fn();
    const client = createTestClient({
      // Some test environments answer without a body stream.
      fetch: async () =>
        ({
          ok: true,
          status: 200,
          body: null,
          headers: new Headers({ 'Content-Type': 'text/plain' }),
          text: async () => 'plain\n',
        }) as unknown as Response,
    });
    await expect(client.getStepOutput({ ...REF, onProgress })).resolves.toBe('plain\n');
    expect(onProgress).not.toHaveBeenCalled();
  });

  it('stops reading when aborted mid-stream and rejects with AbortError', async () => {
    const more = Array.from({ length: 20 }, () => ({ text: lines('b', 100), delayMs: 10 }));
    serveStream({ parts: [{ text: lines('a', PROGRESS_FIRST_CHARS + 10) }, ...more] });
    const { seen, fetch } = observedFetch();
    const controller = new AbortController();
    const onProgress = jest.fn(() => controller.abort());
    const error = await createTestClient({ fetch })
      .getStepOutput({ ...REF, signal: controller.signal, onProgress })
      .catch(e => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(onProgress).toHaveBeenCalledTimes(1);
    expect(seen.cancelled).toBe(true);
    // The server goes on sending for 200 ms; nothing more is read.
    const reads = seen.reads;
    await sleep(250);
    expect(seen.reads).toBe(reads);
  });

  it('times out a stalled stream, but not a long one that keeps arriving', async () => {
    const steady = Array.from({ length: 8 }, (_, i) => ({ text: `line ${i}\n`, delayMs: 40 }));
    serveStream({ parts: steady });
    const client = createTestClient({ timeoutMs: 150 });
    await expect(client.getStepOutput({ ...REF, onProgress: () => {} })).resolves.toBe(
      steady.map(p => p.text).join(''),
    );

    const { seen, fetch } = observedFetch();
    serveStream({ parts: [{ text: 'only this\n' }], stall: true });
    const stalled = createTestClient({ timeoutMs: 150, fetch });
    const started = Date.now();
    const error = await stalled.getStepOutput({ ...REF, onProgress: () => {} }).catch(e => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(seen.cancelled).toBe(true);
  });

  it('still times out when the headers do not come in time', async () => {
    ctx.fake.setLatency(1000);
    const client = createTestClient({ timeoutMs: 50 });
    const error = await client.getStepOutput({ ...REF, onProgress: () => {} }).catch(e => e);
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });
});
