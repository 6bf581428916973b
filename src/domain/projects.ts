/*
 * The entity's projects: an entity may list several (a monorepo).
 */
import type { ProjectSlug } from '@circleci-backstage/plugin-circleci-common';

/**
 * The project with the given slug among the entity's projects, or the
 * first one when the slug is missing or not among them.
 */
export function projectOf(
  slugs: readonly ProjectSlug[],
  slug: string | null | undefined,
): ProjectSlug {
  return slugs.find(s => s.slug === slug) ?? slugs[0];
}
