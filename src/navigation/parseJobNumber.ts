/**
 * Reads a job number from a URL segment (`/jobs/:jobNumber`, or a classic
 * `/:buildId`): digits only, a safe integer; undefined otherwise.
 */
export function parseJobNumber(segment: string): number | undefined {
  if (!/^\d+$/.test(segment)) return undefined;
  const n = Number(segment);
  return Number.isSafeInteger(n) ? n : undefined;
}
