/*
 * The one table of CircleCI endpoints the plugin uses. The browser client's
 * methods, the fuzz tests' allowed paths, and the server's allowlist and
 * cache lifetimes are all read from it.
 */
import { ACTION_ENDPOINTS } from './actions';
import { INSIGHTS_ENDPOINTS } from './insights';
import { READ_ENDPOINTS } from './reads';

export * from './define';
export * from './lifetimes';
export * from './params';
export { toPage } from './pages';
export { ACTION_ENTITY_QUERY } from './actions';

/**
 * Every CircleCI request the plugin makes, by the client method that makes it.
 * @public
 */
export const CIRCLECI_ENDPOINTS = {
  ...READ_ENDPOINTS,
  ...INSIGHTS_ENDPOINTS,
  ...ACTION_ENDPOINTS,
};

/**
 * The name of an endpoint: the client method that sends it.
 * @public
 */
export type EndpointName = keyof typeof CIRCLECI_ENDPOINTS;

/**
 * The most pages of a paged endpoint that one view reads: its cap in the
 * table. Throws for an endpoint that is not paged.
 * @public
 */
export function pageCap(name: EndpointName): number {
  const paging: { cap: number } | undefined = CIRCLECI_ENDPOINTS[name].paging;
  if (!paging) throw new TypeError(`${name} is not a paged endpoint.`);
  return paging.cap;
}
