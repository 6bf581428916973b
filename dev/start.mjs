#!/usr/bin/env node
/*
 * `npm start`: the whole dev setup in one terminal.
 *
 *   1. the fake CircleCI on 127.0.0.1:$FAKE_CIRCLECI_PORT (default 7099),
 *      skipped in live mode;
 *   2. the dev backend on :$DEV_BACKEND_PORT (default 7007; this
 *      repository's backend plugin, the proxy and guest sign-in),
 *      dev/backend/index.ts;
 *   3. the dev app on :$DEV_APP_PORT (default 3000; `backstage-cli package
 *      start`): the new-frontend-system app, dev/app/index.tsx, or with
 *      `npm start -- --legacy` (or DEV_APP=legacy) the legacy one,
 *      dev/index.tsx.
 *
 * DEV_BACKEND_PORT / DEV_APP_PORT let a second stack (e.g. the benchmark)
 * run next to the default one: when either is set, backend.baseUrl,
 * backend.listen.port, backend.cors.origin and app.baseUrl are overridden
 * for the backend and the dev app through APP_CONFIG_* variables.
 *
 * Backend mode (the default): the backend plugin serves /api/circleci and
 * the dev app uses it (circleci.backend.enabled true). Proxy-only mode,
 * `npm start -- --proxy` (or CIRCLECI_MODE=proxy): the plugin is left out
 * and the dev app reads CircleCI through the proxy endpoint, as a Backstage
 * without the backend plugin does. The proxy is configured in both modes.
 *
 * Each is started once the previous one answers, logs are prefixed, and all
 * of them (whole process groups) are stopped on Ctrl-C / SIGTERM or as soon
 * as one of them exits. The starting and stopping is dev/stack.mjs's, which
 * the e2e test and the benchmark use too.
 *
 * Live mode: set CIRCLECI_PROJECT_SLUG (e.g. gh/your-org/your-repo) and
 * CIRCLECI_AUTH_TOKEN (a CircleCI personal API token); CIRCLECI_LIVE=1 also
 * forces it. The backend plugin and the proxy then target
 * https://circleci.com/api and the dev app opens on that project; it works
 * in both modes.
 */
import { createStack, stackOptionsFromEnv } from './stack.mjs';

let options;
try {
  options = stackOptionsFromEnv();
} catch (error) {
  // eslint-disable-next-line no-console
  console.error(error.message);
  process.exit(2);
}
const stack = createStack({ ...options, onExit: () => process.exit(1) });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    stack.note(`${signal}: stopping`);
    await stack.stop();
    process.exit(signal === 'SIGINT' ? 0 : 143);
  });
}

if (options.live && !process.env.CIRCLECI_AUTH_TOKEN) {
  stack.note('live mode needs CIRCLECI_AUTH_TOKEN (a CircleCI personal API token)');
  process.exit(2);
}

stack.start().then(
  () =>
    stack.note(
      `${options.legacy ? 'legacy' : 'new-frontend-system'} dev app in ${options.mode} mode: ${stack.urls.app}/ (Ctrl-C stops everything)`,
    ),
  error => {
    stack.note(error.message);
    process.exit(1);
  },
);
