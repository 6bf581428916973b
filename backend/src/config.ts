/*
 * The plugin's settings, read once from `circleci.*` in app-config.
 */
import type { Config } from '@backstage/config';

/** CircleCI's API root, the default of `circleci.baseUrl`. */
export const DEFAULT_BASE_URL = 'https://circleci.com/api';

/** The plugin's settings. */
export interface CircleCISettings {
  /** `circleci.token`; undefined when not configured (every upstream call then answers 503). */
  token?: string;
  /** `circleci.baseUrl` without a trailing slash. */
  baseUrl: string;
  /** `circleci.actions.enabled`: whether POSTs are forwarded at all. */
  actionsEnabled: boolean;
  /** `circleci.actions.allowServicePrincipals`: whether a service principal may act (default false). */
  allowServicePrincipalActions: boolean;
  /** `permission.enabled`: whether Backstage's permission framework decides (otherwise it allows everything). */
  permissionFrameworkEnabled: boolean;
  /**
   * `circleci.webhook.secret`: the signing secret of CircleCI's outbound
   * webhooks; undefined when not configured (the webhook route then answers 404).
   */
  webhookSecret?: string;
}

/**
 * Reads the settings; throws for a `circleci.baseUrl` that is not an
 * http(s) URL, so a typo stops the backend at start instead of at the
 * first request.
 */
export function readSettings(options: { config: Config }): CircleCISettings {
  const { config } = options;
  const token = config.getOptionalString('circleci.token')?.trim() || undefined;
  const rawBase = config.getOptionalString('circleci.baseUrl') ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(rawBase);
  } catch {
    throw new Error(`circleci.baseUrl must be a URL such as ${DEFAULT_BASE_URL}, got "${rawBase}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`circleci.baseUrl must be an http(s) URL, got "${rawBase}".`);
  }
  if (url.search || url.hash) {
    throw new Error(`circleci.baseUrl takes no query or fragment, got "${rawBase}".`);
  }
  return {
    token,
    baseUrl: rawBase.replace(/\/+$/, ''),
    actionsEnabled: config.getOptionalBoolean('circleci.actions.enabled') ?? false,
    allowServicePrincipalActions: config.getOptionalBoolean('circleci.actions.allowServicePrincipals') ?? false,
    permissionFrameworkEnabled: config.getOptionalBoolean('permission.enabled') ?? false,
    webhookSecret: config.getOptionalString('circleci.webhook.secret')?.trim() || undefined,
  };
}
