/*
 * msw 2 handlers that serve the fake CircleCI behind a simulated Backstage
 * proxy endpoint.
 */

import { http, type HttpHandler } from 'msw';
import type { FakeCircleCI } from '../fake';

/** Options of {@link createFakeCircleCIHandlers}. */
export interface FakeCircleCIHandlersOptions {
  /** The fake to serve. */
  fake: FakeCircleCI;
  /**
   * Where the proxy endpoint lives, e.g.
   * `http://localhost:7007/api/proxy/circleci/api`. Requests below it are
   * served with `basePath` = the pathname of this URL.
   */
  baseUrl: string;
  /** Add the `Circle-Token` header like the proxy does (default `true`). */
  injectToken?: boolean;
}

/** msw handlers for the fake CircleCI (one `http.all` handler). */
export function createFakeCircleCIHandlers(options: FakeCircleCIHandlersOptions): HttpHandler[] {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const headers = new Headers(request.headers);
      if (options.injectToken !== false) headers.set('Circle-Token', options.fake.token);
      const method = request.method.toUpperCase();
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const body = hasBody ? await request.text() : undefined;
      const proxied = new Request(request.url, { method, headers, body });
      return options.fake.handle(proxied, { basePath });
    }),
  ];
}
