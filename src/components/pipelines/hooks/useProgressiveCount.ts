import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

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
