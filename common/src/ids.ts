/*
 * Identifiers CircleCI uses: pipelines, workflows, jobs, approval requests,
 * and the organisation and project of a standalone ("circleci/…") slug.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when `value` is a UUID (any version, either case), the form of every
 * CircleCI id.
 * @public
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
