/*
 * The runnable entry of the fake CircleCI server (Node only):
 * `npm run fake` = `tsx dev/fake-circleci/server.ts`. The server itself is
 * `http/server.ts`; this file re-exports it, so `import … from
 * 'dev/fake-circleci/server'` keeps working.
 *
 * Environment: FAKE_CIRCLECI_PORT (7099), FAKE_CIRCLECI_TOKEN
 * (fake-circleci-token), FAKE_CIRCLECI_LATENCY_MS (0), FAKE_CIRCLECI_SEED (1),
 * FAKE_CIRCLECI_HUGE_LOG_LINES (200000), FAKE_CIRCLECI_WEBHOOK_URL and
 * FAKE_CIRCLECI_WEBHOOK_SECRET (both set: completions are POSTed there, signed).
 */

import path from 'node:path';
import { HUGE_LOG_LINES } from './data/logs';
import { startFakeCircleCIServer } from './http/server';

export { startFakeCircleCIServer } from './http/server';
export type { FakeCircleCIServer, FakeCircleCIServerOptions } from './http/server';

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
    webhook:
      env.FAKE_CIRCLECI_WEBHOOK_URL && env.FAKE_CIRCLECI_WEBHOOK_SECRET
        ? { url: env.FAKE_CIRCLECI_WEBHOOK_URL, secret: env.FAKE_CIRCLECI_WEBHOOK_SECRET }
        : undefined,
    onWebhookDelivery: d =>
      process.stdout.write(
        `fake-circleci webhook ${d.type} ${d.projectSlug} ${d.workflowId}${d.jobNumber ? ` job ${d.jobNumber}` : ''}: ` +
          `${d.status ?? d.error} after ${d.attempts} attempt(s), sent ${d.sentAt - d.completedAt} ms after completion, ` +
          `answered in ${(d.answeredAt ?? d.sentAt) - d.sentAt} ms\n`,
      ),
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
