import { useEffect, useState } from 'react';
import { afterNextPaint } from './afterNextPaint';

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
