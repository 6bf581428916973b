/**
 * What the CircleCI plugin's browser and server parts share: one definition
 * per CircleCI endpoint (method, path, parameters, schema, paging cap and
 * lifetime), the response schemas and their plain types, the options of
 * each request, project slugs, and the errors both sides throw.
 *
 * @packageDocumentation
 */
export * from './endpoints';
export * from './schemas';
export * from './types';
export * from './insightsTypes';
export * from './options/requestOptions';
export * from './options/actionOptions';
export * from './options/insightsOptions';
export * from './options/revisionSearchTypes';
export * from './slug';
export * from './permissions';
export * from './ids';
export * from './commits';
export * from './errors';
export * from './abort';
export * from './retryAfter';
export * from './signals';
export * from './links';
