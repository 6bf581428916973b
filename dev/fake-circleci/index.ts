/*
 * The fake CircleCI used by unit tests (msw), the dev app, the browser tests
 * and the benchmark (node:http server). The server (`server.ts`, the Node
 * entry, and `http/server.ts`) is not exported here, so this module stays
 * free of Node built-ins. See README.md for the layout.
 */

export { createFakeCircleCI, DEFAULT_FAKE_TOKEN } from './fake';
export type { FakeCircleCI, FakeCircleCIOptions, FakeRequestRecord } from './fake';
export type { FailureMode, FailureRule } from './failures/rules';
export type { FakeQuirks } from './failures/quirks';
export type { DemoErroredPipeline, DemoFacts, DemoJob, DemoWorkflow } from './data/demo';
export { createFakeCircleCIHandlers } from './http/msw';
export type { FakeCircleCIHandlersOptions } from './http/msw';
export { HUGE_LOG_LINES, MAX_HUGE_LOG_LINES, MIN_HUGE_LOG_LINES } from './data/logs';
export { PAGE_SIZE, TESTS_PAGE_SIZE } from './http/paging';
