import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CIRCLECI_ENDPOINTS, type EndpointName } from '@circleci-backstage/plugin-circleci-common';
import { LegacyProxyTargetError } from '@circleci-backstage/plugin-circleci-common';
import type { ListPipelinesOptions } from '@circleci-backstage/plugin-circleci-common';
import type {
  FindPipelinesByRevisionOptions,
  PipelinesByRevision,
} from '@circleci-backstage/plugin-circleci-common';
import type { Page, Pipeline } from '@circleci-backstage/plugin-circleci-common';
import type { CircleCIApi } from './CircleCIApi';
import { sendPipelinesWithWorkflows } from './pipelinesWithWorkflows';
import { sendSignalProbe, type ProbeSignalsOptions } from './signalProbe';
import { DEFAULT_RETRY_POLICY } from './retry';
import { searchRevision } from './revisionSearch';
import { sendEndpoint } from './sendEndpoint';
import { CircleCITransport } from './transport';

/**
 * Options for {@link (CircleCIClient:class)}.
 * @public
 */
export interface CircleCIClientOptions {
  /** Finds the Backstage proxy, or the backend plugin (`circleci`) with `backend`. */
  discoveryApi: DiscoveryApi;
  /** Sends the requests, with the user's Backstage credentials. */
  fetchApi: FetchApi;
  /** The proxy endpoint's path. Default `/circleci/api`. Ignored with `backend`. */
  proxyPath?: string;
  /**
   * True sends every request to the CircleCI backend plugin
   * (`@circleci-backstage/plugin-circleci-backend`, at
   * `discoveryApi.getBaseUrl('circleci')`, i.e. `/api/circleci`) instead of
   * the proxy endpoint: the same relative paths, and
   * `listPipelinesWithWorkflows` besides. The app sets it with
   * `circleci.backend.enabled`. Default false (the proxy).
   */
  backend?: boolean;
  /**
   * How GET requests are retried on 429, 502, 503, 504 and network errors:
   * at most `maxAttempts` attempts in all (default 3), with exponential
   * backoff from `baseDelayMs` (default 500) up to `maxDelayMs` (default
   * 8000), honouring a `Retry-After` of up to `maxRetryAfterMs` (default
   * 20000). POSTs are never retried.
   */
  retry?: {
    maxAttempts?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    maxRetryAfterMs?: number;
  };
  /** How long one attempt may take. Default 30 s. */
  timeoutMs?: number;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ResponseError && error.statusCode === 404;
}

/**
 * The {@link CircleCIApi} over HTTP, through the Backstage proxy or, with
 * `backend`, the CircleCI backend plugin. Every request goes through
 * `fetchApi.fetch`, so the Backstage token reaches the proxy (which adds the
 * `Circle-Token` header) or the backend plugin (which holds the token).
 * In backend mode a bare 404 (Backstage's answer for a plugin it does not
 * have) throws `BackendPluginMissingError`. Its methods are made from
 * the endpoint table (one definition per CircleCI request); responses are
 * checked at the boundary; GET requests are retried within a bound, POSTs
 * never.
 * @public
 */
export class CircleCIClient {
  private readonly transport: CircleCITransport;

  /** Creates a client; it sends nothing until a method is called. */
  constructor(options: CircleCIClientOptions) {
    this.transport = new CircleCITransport({
      discoveryApi: options.discoveryApi,
      fetchApi: options.fetchApi,
      target: options.backend
        ? { kind: 'backend' }
        : { kind: 'proxy', proxyPath: `/${(options.proxyPath ?? '/circleci/api').replace(/^\/+|\/+$/g, '')}` },
      retryPolicy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      timeoutMs: options.timeoutMs ?? 30_000,
    });
    for (const name of Object.keys(CIRCLECI_ENDPOINTS) as EndpointName[]) {
      if (name === 'listPipelines') continue;
      Object.defineProperty(this, name, {
        value: (values?: Record<string, unknown>) =>
          sendEndpoint({ name, endpoint: CIRCLECI_ENDPOINTS[name], values, transport: this.transport }),
      });
    }
    // Only the backend plugin answers the aggregate and the signal probe: in proxy mode the methods do not exist.
    if (options.backend) {
      Object.defineProperty(this, 'listPipelinesWithWorkflows', {
        value: (values: ListPipelinesOptions) => sendPipelinesWithWorkflows({ transport: this.transport, values }),
      });
      Object.defineProperty(this, 'probeSignals', {
        value: (values: ProbeSignalsOptions) => sendSignalProbe({ transport: this.transport, values }),
      });
    }
  }

  /** {@inheritDoc CircleCIApi.listPipelines} */
  // The one method with more than its endpoint: in proxy mode a 404 is
  // checked against `v2/me`, which is only missing when the proxy targets
  // API v1.1 (the backend plugin always targets CircleCI's API root).
  async listPipelines(options: ListPipelinesOptions): Promise<Page<Pipeline>> {
    const send = (name: EndpointName, values?: object) =>
      sendEndpoint({
        name,
        endpoint: CIRCLECI_ENDPOINTS[name],
        values: values as Record<string, unknown>,
        transport: this.transport,
      });
    try {
      return (await send('listPipelines', options)) as Page<Pipeline>;
    } catch (error) {
      if (!this.transport.backend && isNotFound(error)) {
        const meIsNotFound = await send('getMe', { signal: options.signal }).then(() => false, isNotFound);
        if (meIsNotFound) throw new LegacyProxyTargetError();
      }
      throw error;
    }
  }

  /** {@inheritDoc CircleCIApi.findPipelinesByRevision} */
  findPipelinesByRevision(options: FindPipelinesByRevisionOptions): Promise<PipelinesByRevision> {
    const { projectSlug, branch, signal, ...search } = options;
    return searchRevision({
      ...search,
      load: pageToken => this.listPipelines({ projectSlug, branch, pageToken, signal }),
    });
  }
}

/**
 * The client's methods other than the two above are made from the
 * endpoint table in the constructor; this gives them their types.
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface CircleCIClient extends CircleCIApi {}
