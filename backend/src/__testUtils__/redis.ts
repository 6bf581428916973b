/*
 * A real redis-server (Debian's package) for the tests: started on a free
 * loopback port with no persistence in a temp dir, and stopped by its PID.
 * Plus the cache service a production backend gets with
 * `backend.cache.store: redis`: backend-defaults' CacheManager read from the
 * root config, with its Redis connections closed when the backend stops (the
 * stock factory leaves them open, which keeps jest alive, and a server that
 * goes away under an open connection crashes the test process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { coreServices, createServiceFactory, type CacheService } from '@backstage/backend-plugin-api';

/** A running redis-server. */
export interface RedisServer {
  /** Its PID. */
  pid: number;
  port: number;
  /** `redis://127.0.0.1:<port>`, the value of `backend.cache.connection`. */
  url: string;
  /** Sends one inline command (e.g. `FLUSHALL`, `DBSIZE`) and resolves its reply line. */
  command(line: string): Promise<string>;
  /** Stops it by PID (SIGTERM, then SIGKILL after 3 s) and removes its dir. */
  stop(): Promise<void>;
}

/** The path of `redis-server` on PATH, or undefined when it is not installed. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'redis-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this dir
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function sendCommand(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error(`redis ${line}: no answer`)));
    socket.once('error', reject);
    socket.on('data', chunk => {
      reply += chunk.toString('utf8');
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.end();
        resolve(reply.slice(0, end));
      }
    });
    socket.write(`${line}\r\n`);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise(resolve => child.once('exit', () => resolve()));
}

/** Starts `redis-server` and resolves once it answers PING (at most 10 s). */
export async function startRedisServer(options: { binary: string }): Promise<RedisServer> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'circleci-redis-'));
  const child = spawn(
    options.binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  // If the test process dies before stop(), the server must not outlive it.
  const killOnExit = () => {
    if (pid !== undefined && child.exitCode === null) process.kill(pid, 'SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      }, 3_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (pid === undefined || child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server did not start on port ${port}:\n${output}`);
    }
    try {
      if ((await sendCommand(port, 'PING')) === '+PONG') break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output}`);
    }
    await new Promise(r => setTimeout(r, 50));
  }
  return { pid, port, url: `redis://127.0.0.1:${port}`, command: line => sendCommand(port, line), stop };
}

/** What CacheManager has besides its typed API: the per-plugin Keyv over the shared store. */
interface CacheManagerInternals {
  getClientWithTtl?(pluginId: string, ttl?: number): { disconnect(): Promise<void> };
}

/**
 * The cache service as backend-defaults' `cacheServiceFactory` makes it
 * (`CacheManager.fromConfig(rootConfig).forPlugin(pluginId)`, so
 * `backend.cache.store: redis` and `backend.cache.connection` are read as in
 * production), whose Redis connections are closed when the backend stops.
 */
export const closingCacheServiceFactory = createServiceFactory({
  service: coreServices.cache,
  deps: {
    config: coreServices.rootConfig,
    plugin: coreServices.pluginMetadata,
    logger: coreServices.rootLogger,
    lifecycle: coreServices.rootLifecycle,
  },
  async createRootContext({ config, logger, lifecycle }) {
    const manager = CacheManager.fromConfig(config, { logger });
    const pluginIds = new Set<string>();
    lifecycle.addShutdownHook(async () => {
      const internals = manager as unknown as CacheManagerInternals;
      if (typeof internals.getClientWithTtl !== 'function') {
        throw new Error('CacheManager.getClientWithTtl is gone: the Redis connections cannot be closed');
      }
      for (const pluginId of pluginIds) await internals.getClientWithTtl(pluginId).disconnect();
    });
    return { manager, pluginIds };
  },
  async factory({ plugin }, { manager, pluginIds }): Promise<CacheService> {
    pluginIds.add(plugin.getId());
    return manager.forPlugin(plugin.getId());
  },
});
