import { useAfterFirstPaint } from './useAfterFirstPaint';

/**
 * How many of `total` items to render: `initial` on the first render that
 * has more, then all of them from the next frame on. A long list that
 * arrives at once shows its top rows a frame earlier, while the rest
 * render before the user could scroll to them.
 */
export function useProgressiveCount(options: { total: number; initial: number }): number {
  const { total, initial } = options;
  const expanded = useAfterFirstPaint({ when: total > initial });
  return !expanded && total > initial ? initial : total;
}
