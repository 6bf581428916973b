/*
 * What every route gets: the services and the pieces built by the plugin.
 * The caller's credentials are read here, once per request, for the read
 * check, the permissions and the audit.
 */
import type { Request } from 'express';
import type {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ProjectVisibility } from '../access/visibility';
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
  /** The catalog, asked with the caller's own credentials. */
  catalog: CatalogService;
  /** Which projects each user may read (from the catalog, kept briefly). */
  visibility: ProjectVisibility;
  /** Decides the plugin's permissions. */
  permissions: PermissionsService;
  /** Records actions and step-log reads. */
  auditor: AuditorService;
}

/** The credentials of a Backstage user or service; anything else is refused by the auth layer. */
export type CallerCredentials = BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>;

/** The caller of a request: a Backstage user or a service principal (the default auth policy already requires one). */
export async function callerOf(options: { context: RouteContext; req: Request }): Promise<CallerCredentials> {
  return options.context.httpAuth.credentials(options.req, { allow: ['user', 'service'] });
}

/** Who the caller is, for audit events and logs: a user's entity ref, or `service:<subject>`. */
export function callerName(credentials: CallerCredentials): string {
  const { principal } = credentials;
  return principal.type === 'user' ? principal.userEntityRef : `service:${principal.subject}`;
}
