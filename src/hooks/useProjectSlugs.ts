import { useMemo } from 'react';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CIRCLECI_ANNOTATION } from '../constants';
import { parseProjectSlugs, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';

/**
 * The entity's project slugs, or why there are none.
 * @internal
 */
export type ProjectSlugsResult =
  | { state: 'missing' }
  | { state: 'invalid'; error: Error }
  | { state: 'ok'; slugs: ProjectSlug[] };

/**
 * Reads and parses the `circleci.com/project-slug` annotation of the entity
 * in context.
 * @internal
 */
export function useProjectSlugs(): ProjectSlugsResult {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  return useMemo(() => {
    if (value === undefined || value.trim() === '') return { state: 'missing' };
    try {
      return { state: 'ok', slugs: parseProjectSlugs(value) };
    } catch (error) {
      return { state: 'invalid', error: error as Error };
    }
  }, [value]);
}
