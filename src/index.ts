/**
 * A Backstage plugin that shows CircleCI pipelines, workflows and jobs for
 * catalog entities, built on CircleCI API v2 through the Backstage proxy.
 *
 * @packageDocumentation
 */
export {
  circleCIPlugin,
  plugin,
  EntityCircleCIContent,
  isCircleCIAvailable,
  isPluginApplicableToEntity,
} from './plugin';
export { circleCIRouteRef } from './routes';
export { CIRCLECI_ANNOTATION } from './constants';
export { Router } from './Router';
export { circleCIApiRef } from './api/CircleCIApi';
export type { CircleCIApi, JobRef, RequestOptions } from './api/CircleCIApi';
export { CircleCIClient } from './api/CircleCIClient';
export { LazyCircleCIClient } from './api/LazyCircleCIClient';
export type { CircleCIClientOptions } from './api/CircleCIClient';
export type { RetryPolicy } from './api/retry';
export {
  InvalidProjectSlugError,
  parseProjectSlug,
  parseProjectSlugs,
} from './domain/slug';
export type { ProjectSlug, ProjectSlugProvider } from './domain/slug';
export {
  MalformedResponseError,
  LegacyProxyTargetError,
  RequestTimeoutError,
  describeError,
} from './api/errors';
export type { CircleCIErrorDescription, CircleCIErrorKind } from './api/errors';
export { normalizeStatus, derivePipelineStatus } from './domain/status';
export type { CircleCIStatus } from './domain/status';
export type * from './api/types';
