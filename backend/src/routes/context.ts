/*
 * What every route gets: the services and the pieces built by the plugin.
 * The caller's credentials are read here, once per request, so the read
 * checks and permissions of later issues have them.
 */
import type { Request } from 'express';
import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { CircleCISettings } from '../config';
import type { AnswerCache } from '../cache/answerCache';
import type { CachedReader } from '../cache/reader';
import type { UpstreamClient } from '../upstream/client';

/** The services and pieces the routes use. */
export interface RouteContext {
  /** The plugin's logger (never given the token). */
  logger: LoggerService;
  /** Reads the caller's credentials. */
  httpAuth: HttpAuthService;
  /** The plugin's settings. */
  settings: CircleCISettings;
  /** Reads through the shared cache. */
  reader: CachedReader;
  /** The shared cache of answers (actions drop what they change). */
  answers: AnswerCache;
  /** The CircleCI client (actions). */
  upstream: UpstreamClient;
}

/** The credentials of a Backstage user or service; anything else is refused by the auth layer. */
export type CallerCredentials = BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>;

/** The caller of a request: a Backstage user or a service principal (the default auth policy already requires one). */
export async function callerOf(options: { context: RouteContext; req: Request }): Promise<CallerCredentials> {
  return options.context.httpAuth.credentials(options.req, { allow: ['user', 'service'] });
}
