import { useEffect, useState } from 'react';

/**
 * False until a render with `when` true (default: the first render) has
 * been painted, then true for good: the next frame is painted and a timer
 * started from `requestAnimationFrame` has run. For secondary controls
 * that are costly to mount: they appear a frame later instead of delaying
 * the first paint (and the requests that start after it).
 */
export function useAfterFirstPaint(options: { when?: boolean } = {}): boolean {
  const when = options.when ?? true;
  const [painted, setPainted] = useState(false);
  const waiting = when && !painted;
  useEffect(() => {
    if (!waiting) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [waiting]);
  return painted;
}
