/*
 * Small helpers for tests that talk to a fake directly (without msw).
 */

import type { FakeCircleCI } from './fake';

/** The answer of {@link callFake}. */
export interface FakeAnswer {
  status: number;
  headers: Headers;
  /** `Response.type` (`'error'` for a dropped connection). */
  type: ResponseType;
  text: string;
  /** The body parsed as JSON (throws when it is not JSON). */
  json<T = unknown>(): T;
}

/**
 * Sends one request to a fake, as the Backstage proxy would (with the
 * `Circle-Token` header unless `token` is `null`), under base path `/api`.
 */
export async function callFake(options: {
  fake: FakeCircleCI;
  /** Relative to the base path, e.g. `v2/me`. */
  path: string;
  method?: string;
  token?: string | null;
  body?: unknown;
}): Promise<FakeAnswer> {
  const headers = new Headers();
  const token = options.token === undefined ? options.fake.token : options.token;
  if (token !== null) headers.set('Circle-Token', token);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(`http://circleci.test/api/${options.path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await options.fake.handle(request);
  const text = response.type === 'error' ? '' : await response.text();
  return {
    status: response.status,
    headers: response.headers,
    type: response.type,
    text,
    json: <T>() => JSON.parse(text) as T,
  };
}
