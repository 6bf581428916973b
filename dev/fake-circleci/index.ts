/*
 * The fake CircleCI used by unit tests (msw), the dev app, the browser tests
 * and the benchmark (node:http server). The server lives in `server.ts` and
 * is not exported here, so this module stays free of Node built-ins.
 */

export { createFakeCircleCI, DEFAULT_FAKE_TOKEN } from './fake';
export type { FakeCircleCI, FakeCircleCIOptions, FakeRequestRecord } from './fake';
export type { FailureMode, FailureRule } from './failures';
export type { DemoFacts, DemoJob } from './demo';
export { createFakeCircleCIHandlers } from './msw';
export type { FakeCircleCIHandlersOptions } from './msw';
export { HUGE_LOG_LINES, MAX_HUGE_LOG_LINES, MIN_HUGE_LOG_LINES } from './logs';
export { PAGE_SIZE, TESTS_PAGE_SIZE } from './paging';
