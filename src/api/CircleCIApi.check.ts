/*
 * Compile-time only: the documented CircleCIApi interface and the endpoint
 * table agree. For every endpoint, the interface's method takes options the
 * endpoint accepts and returns what the endpoint reads; a method of the
 * interface that is neither in the table nor listed in `compositeMethods`
 * fails here. Nothing imports this file.
 */
import type { CIRCLECI_ENDPOINTS, EndpointName } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIApi } from './CircleCIApi';

type Types<K extends EndpointName> = NonNullable<(typeof CIRCLECI_ENDPOINTS)[K]['types']>;
type OptionsOf<K extends EndpointName> = Types<K>['options'];
/** What the client returns: `read`'s result, or the items of every page when it collects items. */
type ResultOf<K extends EndpointName> = [Extract<(typeof CIRCLECI_ENDPOINTS)[K]['paging'], { collect: 'items' }>] extends [never]
  ? Types<K>['result']
  : Types<K>['result'] extends { items: Array<infer T> }
    ? T[]
    : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Agrees = {
  [K in EndpointName]: Same<Parameters<CircleCIApi[K]>[0], OptionsOf<K>> extends true
    ? Same<Awaited<ReturnType<CircleCIApi[K]>>, ResultOf<K>>
    : false;
};

/** True for every endpoint, or the compiler names the one that disagrees. */
export const interfaceAgreesWithTable: { [K in EndpointName]: true } = null as unknown as Agrees;

/**
 * The interface's methods that are not in the table, exactly: the composite
 * one, and the backend plugin's aggregate and signal probe (its own routes,
 * backend mode only).
 */
export const compositeMethods: Record<Exclude<keyof CircleCIApi, EndpointName>, true> = {
  findPipelinesByRevision: true,
  listPipelinesWithWorkflows: true,
  probeSignals: true,
};
