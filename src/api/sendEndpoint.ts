/*
 * Sends one request of the endpoint table over the transport: the one
 * place where a definition becomes an HTTP call. Paged endpoints marked
 * `collect` are read page after page up to their cap.
 */
import {
  ACTION_ENTITY_QUERY,
  buildRequest,
  type AnyEndpoint,
  type EndpointName,
} from '@circleci-backstage/plugin-circleci-common';
import type { Page } from '@circleci-backstage/plugin-circleci-common';
import { collectPages } from './pages';
import type { CircleCITransport } from './transport';

interface SendOptions {
  /** The endpoint's name, carried by the errors it throws. */
  name: EndpointName;
  /** Its definition. */
  endpoint: AnyEndpoint;
  /** The caller's options: path parameters, query values, signal. */
  values: Record<string, unknown> | undefined;
  /** Where to send it. */
  transport: CircleCITransport;
}

/**
 * The query to send: an action's `entity` is for the backend plugin only,
 * so it is left out in proxy mode, where it would reach CircleCI.
 */
function queryFor(options: { query: Record<string, string>; transport: CircleCITransport }): Record<string, string> {
  const { query, transport } = options;
  if (transport.backend || !(ACTION_ENTITY_QUERY in query)) return query;
  const { [ACTION_ENTITY_QUERY]: _entity, ...rest } = query;
  return rest;
}

async function sendOnce(options: SendOptions): Promise<unknown> {
  const { name, endpoint, transport } = options;
  const values = options.values ?? {};
  const request = buildRequest({ endpoint, values });
  const call = {
    endpoint: name,
    path: request.path,
    query: queryFor({ query: request.query, transport }),
    body: request.body,
    schema: endpoint.schema,
    signal: values.signal as AbortSignal | undefined,
  };
  if (endpoint.method === 'POST') {
    return endpoint.read!(await transport.post(call), values);
  }
  if (!endpoint.schema) {
    return transport.get<string>({
      ...call,
      text: true,
      onProgress: values.onProgress as ((text: string) => void) | undefined,
    });
  }
  const body = await transport.get(call);
  return endpoint.read ? endpoint.read(body, values) : body;
}

/**
 * Sends the endpoint's request for `values` and returns what the client
 * returns. Throws before sending when a parameter is not of its kind.
 */
export async function sendEndpoint(options: SendOptions): Promise<unknown> {
  const { endpoint, values } = options;
  if (!endpoint.paging?.collect) return sendOnce(options);
  const { items, nextPageToken } = await collectPages({
    max: endpoint.paging.cap,
    load: pageToken =>
      sendOnce({ ...options, values: { ...values, pageToken } }) as Promise<Page<unknown>>,
  });
  if (endpoint.paging.collect === 'items') return items;
  return nextPageToken ? { items, nextPageToken } : { items };
}
