/*
 * A real test backend (startTestBackend) with this plugin, pointed at the
 * real fake CircleCI served on a free loopback port. Requests are sent with
 * node:http so their paths reach the server exactly as written (fetch
 * would normalise `..` and `%2e%2e` away). Upstream requests are counted at
 * the fake; catalog calls at the test catalog (one entity per project of
 * the fake, each readable by every user unless `catalog.canRead` says
 * otherwise); audit events at a recording auditor. Permissions allow
 * unless `permissions` says otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createServiceFactory, coreServices, type BackendFeature, type PermissionsService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
// The fake CircleCI is the repository's one test double (dev/, not a package), shared with the frontend's tests.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFakeCircleCIServer, type FakeCircleCIServer } from '../../../dev/fake-circleci/server';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import type { FakeCircleCI, FakeCircleCIOptions, FakeRequestRecord } from '../../../dev/fake-circleci';
import circleciPlugin from '../index';
import { createRecordingAuditor, type AuditRecord } from './auditor';
import { createTestCatalog, testEntities, type CanRead, type CatalogCalls } from './entities';

/** An answer of the backend. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON. */
  json<T = any>(): T;
}

/** Options of one request. */
export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  /** A raw body (sent as is), or an object sent as JSON. */
  body?: string | Buffer | object;
  /** Sends as this user (e.g. `user:default/outsider`), unless `headers.authorization` is given. Default: the mock user. */
  as?: string;
}

/** A running backend and fake. */
export interface Harness {
  fake: FakeCircleCI;
  /** The backend's port. */
  port: number;
  /** Sends `path` (below `/api/circleci/`, raw) to the backend. */
  call(path: string, options?: CallOptions): Promise<Answer>;
  /** The upstream requests seen by the fake since the last `clear()`. */
  upstream(): FakeRequestRecord[];
  /** Forgets the upstream requests seen so far (and the catalog calls and audit events). */
  clear(): void;
  /** The catalog calls seen since the last `clear()`. */
  catalog: CatalogCalls;
  /** The audit events since the last `clear()`. */
  audits(): AuditRecord[];
  stop(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  actionsEnabled?: boolean;
  /** `circleci.actions.allowServicePrincipals`. */
  allowServicePrincipals?: boolean;
  /** Config under `circleci` besides baseUrl and token; `token: null` leaves it out. */
  token?: string | null;
  fake?: FakeCircleCIOptions;
  /** A fake already running, shared by several backends (`fake` is then ignored; `stop()` leaves it running). */
  fakeServer?: FakeCircleCIServer;
  /** More config, merged at the root (`circleci` is merged into the harness's own `circleci`). */
  config?: JsonObject;
  /** More features (e.g. service factories). */
  features?: BackendFeature[];
  /** The catalog: its entities (default `testEntities`) and who may read which (default: everyone all). */
  catalog?: { entities?: Entity[]; canRead?: CanRead };
  /** The permission decisions: allow (default), deny, or a service of the test's own (e.g. a conditional policy). */
  permissions?: 'allow' | 'deny' | PermissionsService;
}

function permissionsFactory(option: HarnessOptions['permissions']) {
  if (option === undefined || option === 'allow' || option === 'deny') {
    return mockServices.permissions.factory({ result: option === 'deny' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW });
  }
  return createServiceFactory({ service: coreServices.permissions, deps: {}, factory: () => option });
}

/** Starts the fake and a backend with the plugin. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fakeServer = options.fakeServer ?? (await startFakeCircleCIServer({ seed: 1, ...options.fake }));
  const { fake } = fakeServer;
  const token = options.token === undefined ? fake.token : options.token;
  const catalog = createTestCatalog({
    entities: options.catalog?.entities ?? testEntities(fake.demo.slugs),
    canRead: options.catalog?.canRead,
  });
  const auditor = createRecordingAuditor();
  let audited = 0;
  const backend = await startTestBackend({
    features: [
      circleciPlugin,
      catalog.factory,
      auditor.factory,
      permissionsFactory(options.permissions),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          circleci: {
            ...(options.config?.circleci as JsonObject | undefined),
            baseUrl: `${fakeServer.url}/api`,
            ...(token === null ? {} : { token }),
            actions: {
              enabled: options.actionsEnabled ?? false,
              ...(options.allowServicePrincipals === undefined ? {} : { allowServicePrincipals: options.allowServicePrincipals }),
            },
          },
        },
      }),
      ...(options.features ?? []),
    ],
  });
  const port = (backend.server.address() as AddressInfo).port;
  let seen = 0;

  const call = (path: string, callOptions: CallOptions = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const { body } = callOptions;
      const isRaw = typeof body === 'string' || Buffer.isBuffer(body);
      let payload: string | Buffer | undefined;
      if (body !== undefined) payload = isRaw ? body : JSON.stringify(body);
      const headers: Record<string, string> = {
        ...(body !== undefined && !isRaw ? { 'content-type': 'application/json' } : {}),
        ...(callOptions.as ? { authorization: mockCredentials.user.header(callOptions.as) } : {}),
        ...callOptions.headers,
      };
      const req = http.request(
        { host: '127.0.0.1', port, method: callOptions.method ?? 'GET', path: `/api/circleci/${path}`, headers },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  return {
    fake,
    port,
    call,
    upstream: () => fake.requests.slice(seen),
    clear: () => {
      seen = fake.requests.length;
      catalog.calls.clear();
      audited = auditor.records.length;
    },
    catalog: catalog.calls,
    audits: () => auditor.records.slice(audited),
    stop: async () => {
      await backend.stop();
      if (!options.fakeServer) await fakeServer.close();
    },
  };
}

/** The path of each action on `gh/acme/rocket`'s demo workflows and jobs (no query). */
export function rocketActionPaths(fake: FakeCircleCI): string[] {
  const { failingJob, approval } = fake.demo;
  return [
    `v2/workflow/${failingJob.workflowId}/rerun`,
    `v2/workflow/${failingJob.workflowId}/cancel`,
    `v2/workflow/${approval.workflowId}/approve/${approval.approvalRequestId}`,
    `v2/project/gh/acme/rocket/job/${failingJob.jobNumber}/cancel`,
    'v2/project/gh/acme/rocket/pipeline',
    'v2/project/gh/acme/rocket/pipeline/run',
  ];
}

/** Replaces `Date.now` with a clock the test moves; `restore()` puts it back. */
export function fakeClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
  let t = start;
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => t);
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    restore: () => spy.mockRestore(),
  };
}
