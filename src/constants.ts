/**
 * The annotation that names an entity's CircleCI project(s): one slug such
 * as `gh/acme/rocket`, or several separated by commas for a monorepo.
 * @public
 */
export const CIRCLECI_ANNOTATION = 'circleci.com/project-slug';
