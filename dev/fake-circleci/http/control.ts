/*
 * The control endpoints of the fake CircleCI server (below `/__fake/`, no
 * token): GET health, GET requests, GET demo (the demo facts), POST reset
 * (body `{"startTime": <ms> | "now"}`, optional; default keeps the start
 * time), POST clear-requests, POST latency `{"ms":100}`, POST fail (a failure
 * rule, `match` is a regular expression source), POST clear-failures,
 * POST huge-log-lines `{"lines":50000}` (an integer from 5 to 1,000,000),
 * GET quirks, POST quirks `{"meNameNull": true, ...}` (names left out keep
 * their value), POST clear-quirks.
 */

import { isHugeLogLines } from '../data/logs';
import type { FakeCircleCI } from '../fake';
import { parseQuirks } from '../failures/quirks';
import type { FailureMode } from '../failures/rules';

/** The answer of a control endpoint. */
export interface ControlAnswer {
  status: number;
  body: unknown;
}

const MODES: readonly FailureMode[] = ['status', 'drop', 'html', 'malformed-json', 'wrong-type'];

/** Serves one control request (`route` is the path after `/__fake/`). */
export function control(options: {
  fake: FakeCircleCI;
  method: string;
  route: string;
  body: Record<string, unknown>;
}): ControlAnswer {
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
    case 'GET quirks':
      return { status: 200, body: { quirks: fake.quirks } };
    case 'POST quirks': {
      const quirks = parseQuirks(body);
      if (typeof quirks === 'string') return { status: 400, body: { message: quirks } };
      fake.setQuirks(quirks);
      return { status: 200, body: { ok: true, quirks: fake.quirks } };
    }
    case 'POST clear-quirks':
      fake.clearQuirks();
      return { status: 200, body: { ok: true, quirks: fake.quirks } };
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
