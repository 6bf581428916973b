import type { Entity } from '@backstage/catalog-model';
import { CIRCLECI_ANNOTATION } from './constants';

/**
 * True when the entity has a non-blank `circleci.com/project-slug`
 * annotation. A malformed slug still counts, so the tab can explain it.
 * @public
 */
export function isCircleCIAvailable(entity: Entity): boolean {
  const value = entity.metadata.annotations?.[CIRCLECI_ANNOTATION];
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The classic plugin's name for {@link isCircleCIAvailable}.
 * @public
 */
export const isPluginApplicableToEntity = isCircleCIAvailable;
