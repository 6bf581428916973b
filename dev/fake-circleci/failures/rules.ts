/*
 * Failure injection: rules that make matching requests fail in a chosen way.
 */

/** How a matching request fails. */
export type FailureMode = 'status' | 'drop' | 'html' | 'malformed-json' | 'wrong-type';

/** A rule for `FakeCircleCI.failPath`. */
export interface FailureRule {
  /**
   * Matched against `METHOD path?query`, the path relative to the base path
   * and as sent (not decoded), e.g. `GET v2/project/gh/acme/rocket/pipeline`.
   * A string matches when it is contained in that text.
   */
  match: string | RegExp;
  /** HTTP status for mode `status` (default 500). */
  status?: number;
  /** Value of the `Retry-After` header (sent with mode `status`). */
  retryAfter?: string;
  /** Default `status`. */
  mode?: FailureMode;
  /** How many requests the rule affects (default: unlimited). */
  times?: number;
  /** Only requests with this method (case-insensitive). */
  method?: string;
}

interface ActiveRule {
  rule: FailureRule;
  remaining: number;
}

/** A list of failure rules; the first matching rule with uses left applies. */
export class FailureRules {
  private rules: ActiveRule[] = [];

  /** Adds a rule; returns a function that removes it. */
  add(rule: FailureRule): () => void {
    const active: ActiveRule = { rule, remaining: rule.times ?? Infinity };
    this.rules.push(active);
    return () => {
      this.rules = this.rules.filter(r => r !== active);
    };
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Finds (and uses up one use of) the rule for a request. */
  take(options: { method: string; path: string }): FailureRule | undefined {
    const text = `${options.method} ${options.path}`;
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== options.method) continue;
      const hit =
        typeof rule.match === 'string'
          ? text.includes(rule.match)
          : new RegExp(rule.match.source, rule.match.flags.replace('g', '')).test(text);
      if (!hit) continue;
      active.remaining -= 1;
      if (active.remaining <= 0) this.rules = this.rules.filter(r => r !== active);
      return rule;
    }
    return undefined;
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: 'Bad request.',
  401: 'You must log in first.',
  403: 'Permission denied.',
  404: 'Not found',
  429: 'Rate limit exceeded.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
  504: 'Gateway timeout.',
};

const LOGIN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Log In - CircleCI</title></head>
<body><main><h1>Log in to CircleCI</h1><a href="/login?return-to=%2F">Log in with GitHub</a></main></body></html>
`;

/** Replaces typed fields of a JSON body with values of the wrong type. */
export function corruptTypes(body: unknown): unknown {
  if (Array.isArray(body)) return 'not-an-array';
  if (body === null || typeof body !== 'object') return { unexpected: body };
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  let changed = false;
  if ('items' in out) {
    out.items = 'not-an-array';
    changed = true;
  }
  for (const key of ['number', 'build_num', 'parallelism', 'parallel']) {
    if (typeof out[key] === 'number') {
      out[key] = String(out[key]);
      changed = true;
    }
  }
  for (const key of ['steps', 'parallel_runs', 'errors']) {
    if (Array.isArray(out[key])) {
      out[key] = { unexpected: true };
      changed = true;
    }
  }
  if (!changed) {
    for (const key of Object.keys(out)) {
      if (typeof out[key] === 'string') out[key] = 42;
    }
  }
  return out;
}

/**
 * The response for a failure rule. `real` produces the normal response; it
 * is used by the modes that alter a real body (`malformed-json`,
 * `wrong-type`).
 */
export async function failureResponse(options: {
  rule: FailureRule;
  real: () => Promise<Response>;
}): Promise<Response> {
  const { rule } = options;
  const mode = rule.mode ?? 'status';
  if (mode === 'drop') return Response.error();
  if (mode === 'html') {
    return new Response(LOGIN_PAGE, {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
  if (mode === 'status') {
    const status = rule.status ?? 500;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter;
    const message = STATUS_MESSAGES[status] ?? `Simulated failure (${status}).`;
    return new Response(JSON.stringify({ message }), { status, headers });
  }
  const real = await options.real();
  const text = await real.text();
  const json = { 'content-type': 'application/json; charset=utf-8' };
  if (mode === 'malformed-json') {
    const base = text.length > 2 ? text : '{"items":[{"id":"';
    return new Response(base.slice(0, Math.max(1, Math.floor(base.length / 2))), {
      status: 200,
      headers: json,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return new Response(JSON.stringify(corruptTypes(parsed)), { status: 200, headers: json });
}
