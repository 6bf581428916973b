/*
 * The fake CircleCI as a real HTTP server (dev app, browser tests,
 * benchmark). Run it with `npm run fake` (`tsx dev/fake-circleci/server.ts`).
 *
 * Control endpoints (no token): GET /__fake/health, GET /__fake/requests,
 * GET /__fake/demo, POST /__fake/reset (body `{"startTime": <ms> | "now"}`,
 * optional; default keeps the start time), POST /__fake/clear-requests,
 * POST /__fake/latency `{"ms":100}`, POST /__fake/fail (a failure rule,
 * `match` is a regular expression source), POST /__fake/clear-failures,
 * POST /__fake/huge-log-lines `{"lines":50000}` (an integer from 5 to
 * 1,000,000; the size of the huge step log).
 */

import http from 'node:http';
import path from 'node:path';
import { createFakeCircleCI, type FakeCircleCI, type FakeCircleCIOptions } from './fake';
import type { FailureMode } from './failures';
import { HUGE_LOG_LINES, isHugeLogLines } from './logs';

/** Options of {@link startFakeCircleCIServer}. */
export interface FakeCircleCIServerOptions extends FakeCircleCIOptions {
  /** Port (default 0: an ephemeral port). */
  port?: number;
  /** Host (default `127.0.0.1`). */
  host?: string;
  /** An existing fake to serve (the other options then do not apply to it). */
  fake?: FakeCircleCI;
}

/** A running fake CircleCI server. */
export interface FakeCircleCIServer {
  /** `http://host:port` (the API is below `${url}/api`). */
  url: string;
  fake: FakeCircleCI;
  close(): Promise<void>;
}

const MODES: readonly FailureMode[] = ['status', 'drop', 'html', 'malformed-json', 'wrong-type'];

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

function control(options: {
  fake: FakeCircleCI;
  method: string;
  route: string;
  body: Record<string, unknown>;
}): { status: number; body: unknown } {
  const { fake, method, route, body } = options;
  const ok = { status: 200, body: { ok: true } };
  const key = `${method} ${route}`;
  switch (key) {
    case 'GET health':
      return {
        status: 200,
        body: { ok: true, seed: fake.seed, startTime: fake.startTime, now: fake.now() },
      };
    case 'GET requests':
      return { status: 200, body: { requests: fake.requests } };
    case 'GET demo':
      return { status: 200, body: fake.demo };
    case 'POST reset': {
      let startTime: number | undefined;
      if (body.startTime === 'now') startTime = fake.now();
      else if (typeof body.startTime === 'number') startTime = body.startTime;
      fake.reset({ startTime });
      return ok;
    }
    case 'POST clear-requests':
      fake.clearRequests();
      return ok;
    case 'POST latency':
      if (typeof body.ms !== 'number')
        return { status: 400, body: { message: 'ms must be a number' } };
      fake.setLatency(body.ms);
      return ok;
    case 'POST huge-log-lines':
      if (!isHugeLogLines(body.lines))
        return { status: 400, body: { message: 'lines must be an integer from 5 to 1000000' } };
      fake.setHugeLogLines(body.lines);
      return { status: 200, body: { ok: true, lines: body.lines } };
    case 'POST clear-failures':
      fake.clearFailures();
      return ok;
    case 'POST fail': {
      const mode = body.mode as FailureMode | undefined;
      if (typeof body.match !== 'string' || (mode !== undefined && !MODES.includes(mode))) {
        return {
          status: 400,
          body: {
            message: `match (regex source) is required; mode must be one of ${MODES.join(', ')}`,
          },
        };
      }
      fake.failPath({
        match: new RegExp(body.match),
        mode,
        status: typeof body.status === 'number' ? body.status : undefined,
        retryAfter: typeof body.retryAfter === 'string' ? body.retryAfter : undefined,
        times: typeof body.times === 'number' ? body.times : undefined,
        method: typeof body.method === 'string' ? body.method : undefined,
      });
      return ok;
    }
    default:
      return { status: 404, body: { message: 'Unknown control endpoint' } };
  }
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
  return {
    url: origin,
    fake,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(e => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry || typeof __filename === 'undefined') return false;
  const strip = (p: string) => path.resolve(p).replace(/\.[cm]?[jt]s$/, '');
  return strip(entry) === strip(__filename);
}

async function main(): Promise<void> {
  const env = process.env;
  const server = await startFakeCircleCIServer({
    port: Number(env.FAKE_CIRCLECI_PORT ?? 7099),
    host: '127.0.0.1',
    token: env.FAKE_CIRCLECI_TOKEN ?? 'fake-circleci-token',
    latencyMs: Number(env.FAKE_CIRCLECI_LATENCY_MS ?? 0),
    seed: Number(env.FAKE_CIRCLECI_SEED ?? 1),
    hugeLogLines: Number(env.FAKE_CIRCLECI_HUGE_LOG_LINES ?? HUGE_LOG_LINES),
  });
  process.stdout.write(
    `fake-circleci listening on ${server.url}/api (seed ${server.fake.seed}, ` +
      `huge log ${server.fake.hugeLogLines} lines)\n`,
  );
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMainModule()) {
  main().catch(e => {
    process.stderr.write(`fake-circleci failed to start: ${String(e)}\n`);
    process.exit(1);
  });
}
