import { useEffect, useState } from 'react';

/**
 * Calls `callback` once the next frame has been painted (a timer started
 * from `requestAnimationFrame`). Returns a function that cancels it.
 */
function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * How many of `total` items to render: `initial` on the first render that
 * has more, then all of them from the next frame on. A long list that
 * arrives at once shows its top rows a frame earlier, while the rest
 * render before the user could scroll to them.
 */
export function useProgressiveCount(options: { total: number; initial: number }): number {
  const { total, initial } = options;
  const [expanded, setExpanded] = useState(false);
  const partial = !expanded && total > initial;
  useEffect(() => (partial ? afterNextPaint(() => setExpanded(true)) : undefined), [partial]);
  return partial ? initial : total;
}

/**
 * False on the first render, true once that render has been painted. For
 * secondary controls that are costly to mount: they appear a frame later
 * instead of delaying the first paint (and the requests that start after
 * it).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
