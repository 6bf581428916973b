/*
 * The one way the plugin builds and recognises the error of a cancelled
 * request, shared by the transport, the retry wait, the stream reader and
 * the hooks.
 */

/**
 * The error to reject with when work is cancelled: the signal's reason when
 * it has one (what `fetch` rejects with), else a `DOMException` named
 * `AbortError`.
 * @public
 */
export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * True for the error of a cancelled request or wait (named `AbortError`).
 * @public
 */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null | undefined)?.name === 'AbortError';
}
