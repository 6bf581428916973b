/*
 * The shapes of CircleCI's responses, written once: the zod schemas check
 * bodies at the boundary, and the types in ../types are their output. They
 * follow CircleCI's OpenAPI description of API v2 (and the v1.1 build
 * details for steps), loosened where real responses differ from it:
 * unknown fields and unknown enum values pass (statuses are plain strings),
 * and fields the spec calls required but real answers leave out or null
 * (an approval job has no `job_number` and `started_at: null`; `vcs`,
 * `stopped_at` and the commit subject can be missing) are optional.
 * Wrong types are rejected with a message naming the field.
 */
import { z } from 'zod';
import { optStr, str } from './fields';

export * from './pipelines';
export * from './jobs';
export * from './steps';
export * from './insights';

/**
 * The user that owns the token (`GET v2/me`).
 * @public
 */
export const currentUserSchema = z.object({
  /** The user's UUID. */
  id: str,
  /** The login on the VCS. */
  login: str,
  /** The display name; null for a user who has none (show `login` then). */
  name: str.nullable(),
});

/**
 * A project (`GET v2/project/{slug}`): the fields the plugin reads.
 * @public
 */
export const projectSchema = z.object({
  /** The project's slug, e.g. `gh/acme/rocket`. */
  slug: str,
  /** The project's name. */
  name: str,
  /** The project's UUID. */
  id: str,
  /** The repository behind the project. */
  vcs_info: z.object({
    /** The repository's URL. */
    vcs_url: str,
    /** `GitHub`, `Bitbucket`, `CircleCI`, or a later addition. */
    provider: str,
    /** The repository's default branch, e.g. `main`. */
    default_branch: str,
  }),
});

/**
 * A v2 list page: `{ items, next_page_token }`.
 * @public
 */
export function pageSchema<T extends z.ZodTypeAny>(
  item: T,
): z.ZodObject<{ items: z.ZodArray<T>; next_page_token: z.ZodOptional<z.ZodNullable<z.ZodString>> }> {
  return z.object({ items: z.array(item), next_page_token: optStr });
}

/**
 * Formats a zod error as one line naming the fields, for error messages.
 * @public
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map(i => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
