/*
 * Serves a production build of the dev app (bench/appbuild.cjs) the way a
 * Backstage deployment does: app and backend on one origin. Files come
 * from the build directory (unknown paths get index.html), and /api/* and
 * /.backstage/* are passed to the backend, so the browser never makes a
 * cross-origin request (no CORS preflights, as in production).
 *
 * Env: BENCH_APP_DIST (the build), BENCH_PROD_APP_PORT, BENCH_BACKEND_URL.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';

const dist = process.env.BENCH_APP_DIST;
const port = Number(process.env.BENCH_PROD_APP_PORT || 3101);
const backend = new URL(process.env.BENCH_BACKEND_URL || 'http://127.0.0.1:7107');
const agent = new http.Agent({ keepAlive: true });
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function proxy(req, res) {
  const upstream = http.request(
    {
      host: backend.hostname,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: backend.host },
      agent,
    },
    answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

function file(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let target = join(dist, path);
  const isFile = existsSync(target) && statSync(target).isFile();
  if (!isFile) target = join(dist, 'index.html');
  res.writeHead(200, {
    'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    'cache-control': path.startsWith('/static/') && isFile ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(target).pipe(res);
}

http
  .createServer((req, res) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/.backstage/')) proxy(req, res);
    else file(req, res);
  })
  .listen(port, '127.0.0.1', () => {
    process.stdout.write(`bench app server on http://localhost:${port} (${dist}), backend ${backend.origin}\n`);
  });
