/*
 * The fake CircleCI as a real HTTP server (dev app, browser tests,
 * benchmark). `dev/fake-circleci/server.ts` is the runnable entry
 * (`npm run fake`).
 *
 * Requests below `/__fake/` (no token) go to the control endpoints
 * (`control.ts`); everything else to the fake, with the API below `/api`.
 */

import http from 'node:http';
import { createFakeCircleCI, type FakeCircleCI, type FakeCircleCIOptions } from '../fake';
import { control } from './control';
import { createFakeWebhooks, type FakeWebhooks, type WebhookDelivery, type WebhookTarget } from './webhooks';

/** Options of {@link startFakeCircleCIServer}. */
export interface FakeCircleCIServerOptions extends FakeCircleCIOptions {
  /** Port (default 0: an ephemeral port). */
  port?: number;
  /** Host (default `127.0.0.1`). */
  host?: string;
  /** An existing fake to serve (the other options then do not apply to it). */
  fake?: FakeCircleCI;
  /** Where to POST signed webhook events when work completes (see `webhooks.ts`); none by default. */
  webhook?: WebhookTarget;
  /** Told about each webhook delivery once it is done. */
  onWebhookDelivery?: (delivery: WebhookDelivery) => void;
}

/** A running fake CircleCI server. */
export interface FakeCircleCIServer {
  /** `http://host:port` (the API is below `${url}/api`). */
  url: string;
  fake: FakeCircleCI;
  /** The outbound webhooks (`webhooks.configure(target)` turns them on later). */
  webhooks: FakeWebhooks;
  close(): Promise<void>;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function parseObject(buffer: Buffer): Record<string, unknown> {
  const text = buffer.toString('utf8').trim();
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('Body must be a JSON object');
  return parsed as Record<string, unknown>;
}

async function onRequest(options: {
  fake: FakeCircleCI;
  origin: string;
  req: http.IncomingMessage;
  res: http.ServerResponse;
}): Promise<void> {
  const { fake, req, res } = options;
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', options.origin);
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (url.pathname.startsWith('/__fake/')) {
    let parsed: Record<string, unknown>;
    try {
      parsed = parseObject(body ?? Buffer.alloc(0));
    } catch (e) {
      sendJson(res, 400, { message: String(e) });
      return;
    }
    const answer = control({
      fake,
      method,
      route: url.pathname.slice('/__fake/'.length),
      body: parsed,
    });
    sendJson(res, answer.status, answer.body);
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const request = new Request(url, {
    method,
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
  });
  const response = await fake.handle(request, { basePath: '/api' });
  if (response.type === 'error') {
    req.socket.destroy();
    return;
  }
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outHeaders[name] = value;
  });
  outHeaders['content-length'] = String(out.length);
  res.writeHead(response.status, outHeaders);
  res.end(method === 'HEAD' ? undefined : out);
}

/** Starts the fake CircleCI on a node:http server. */
export async function startFakeCircleCIServer(
  options: FakeCircleCIServerOptions = {},
): Promise<FakeCircleCIServer> {
  const fake = options.fake ?? createFakeCircleCI(options);
  const host = options.host ?? '127.0.0.1';
  let origin = `http://${host}`;
  const server = http.createServer((req, res) => {
    onRequest({ fake, origin, req, res }).catch(e => {
      if (!res.headersSent) sendJson(res, 500, { message: `Fake CircleCI error: ${String(e)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const webhooks = createFakeWebhooks({ fake, target: options.webhook, onDelivery: options.onWebhookDelivery });
  return {
    url: origin,
    fake,
    webhooks,
    close: () =>
      new Promise<void>((resolve, reject) => {
        webhooks.stop();
        server.close(e => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
