/*
 * Reading a text body as a stream, for `CircleCITransport`: the text so far
 * is reported while the rest downloads, and the page gets to render and
 * paint in between.
 */
import { abortError } from '@circleci-backstage/plugin-circleci-common';

/** The first progress report waits for this many characters… */
export const PROGRESS_FIRST_CHARS = 64 * 1024;
/** …or this long after the first chunk; later reports come at most this often. */
export const PROGRESS_INTERVAL_MS = 250;
/**
 * A later report also waits until the text is this many times as long as
 * at the last report… Each report costs time: a copy of the whole text,
 * and for a log viewer a render and a check that the text was appended to.
 * Growing geometrically keeps the reports few (about three for a 20 MB log
 * that arrives within a second) and their total cost in proportion to the
 * size, while the first lines still come at once.
 */
export const PROGRESS_GROWTH = 4;
/** …or until this long after the last report. */
export const PROGRESS_MAX_WAIT_MS = 2000;

/** The longest stretch of reading between two chances for the page to render. */
export const YIELD_EVERY_MS = 16;

/** How long waiting for a frame may take (rAF does not run in hidden tabs). */
const FRAME_WAIT_MS = 100;

/**
 * Waits for a new task, or with `frame` until the next frame has been
 * produced. Chunks that are already buffered are read in microtasks, one
 * after the other: without this, reading a large body that arrives fast
 * would keep React from rendering and the browser from painting until all
 * of it is read. After a progress report, waiting for the frame lets the
 * reported text be painted before more is read.
 */
function yieldToPage(options: { frame: boolean }): Promise<void> {
  return new Promise(resolve => {
    if (!options.frame || typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    let done = false;
    let fallback: ReturnType<typeof setTimeout> | undefined = undefined;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      resolve();
    };
    fallback = setTimeout(finish, FRAME_WAIT_MS);
    // rAF callbacks run before the frame is painted; the timeout after it.
    requestAnimationFrame(() => setTimeout(finish, 0));
  });
}

/**
 * Reads a text body chunk by chunk and resolves with all of it. Calls
 * `onProgress` with the text so far once `PROGRESS_FIRST_CHARS` characters
 * have arrived or `PROGRESS_INTERVAL_MS` after the first chunk, whichever
 * comes first; then at most every `PROGRESS_INTERVAL_MS`, once the text has
 * grown `PROGRESS_GROWTH` times or `PROGRESS_MAX_WAIT_MS` have passed; never
 * for a chunk that completes a body of known length (`expectedBytes`), as
 * the promise resolves with that text at once. After each report (until
 * the next frame) and at least every `YIELD_EVERY_MS` of reading, it yields
 * to the page (see `yieldToPage`). `onChunk` is called for every chunk (it
 * restarts the idle timeout). When `signal` aborts, the reader is cancelled
 * and the promise rejects with the signal's reason.
 */
export async function readTextStream(options: {
  body: ReadableStream<Uint8Array>;
  signal: AbortSignal;
  onProgress: (textSoFar: string) => void;
  onChunk?: () => void;
  expectedBytes?: number;
}): Promise<string> {
  const { body, signal, onProgress, onChunk, expectedBytes } = options;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = () => reader.cancel(abortError(signal)).catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  // Decoded chunks, joined only when reported: `+=` would build a rope of
  // hundreds of pieces that every reader of the text then has to flatten.
  let parts: string[] = [];
  let length = 0;
  let bytes = 0;
  let firstAt: number | undefined;
  let reportedAt: number | undefined;
  let reportedLength = 0;
  let finished = false;
  let yieldedAt = Date.now();
  try {
    for (;;) {
      if (signal.aborted) throw abortError(signal);
      const { done, value } = await reader.read();
      // A cancelled reader reports `done`: the abort decides.
      if (signal.aborted) throw abortError(signal);
      if (done) break;
      onChunk?.();
      bytes += value.byteLength;
      const decoded = decoder.decode(value, { stream: true });
      parts.push(decoded);
      length += decoded.length;
      const now = Date.now();
      firstAt ??= now;
      const due =
        reportedAt === undefined
          ? length >= PROGRESS_FIRST_CHARS || now - firstAt >= PROGRESS_INTERVAL_MS
          : now - reportedAt >= PROGRESS_INTERVAL_MS &&
            (length >= PROGRESS_GROWTH * reportedLength || now - reportedAt >= PROGRESS_MAX_WAIT_MS);
      const report = due && bytes !== expectedBytes;
      if (report) {
        reportedAt = now;
        reportedLength = length;
        const text = parts.join('');
        parts = [text];
        onProgress(text);
      }
      if (report || now - yieldedAt >= YIELD_EVERY_MS) {
        await yieldToPage({ frame: report });
        yieldedAt = Date.now();
      }
    }
    finished = true;
    parts.push(decoder.decode());
    return parts.join('');
  } finally {
    signal.removeEventListener('abort', cancel);
    if (!finished && !signal.aborted) cancel();
  }
}
