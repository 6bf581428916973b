/*
 * Whether an answer may be cached, and for how long: the endpoint table
 * decides. A JSON answer is cached only after its schema check passes; its
 * lifetime may be read from the checked body (a finished workflow is final,
 * a running one live). A text answer (a step's output) has its fixed lifetime.
 */
import {
  AnyEndpoint,
  LIFETIME_MS,
  Lifetime,
} from '@circleci-backstage/plugin-circleci-common';
import type { UpstreamAnswer } from '../upstream/client';

/** The verdict on one 2xx answer. */
export type AnswerCheck =
  | {
      /** The answer may be cached. */
      ok: true;
      /** Its lifetime, from the table. */
      lifetime: Lifetime;
      /** The lifetime in milliseconds. */
      lifetimeMs: number;
    }
  | {
      /** The answer is not cached (it is still forwarded as it came). */
      ok: false;
      /** Why, for the log. */
      reason: string;
    };

function lifetimeOf(endpoint: AnyEndpoint, body: unknown): Lifetime {
  const { lifetime } = endpoint;
  return typeof lifetime === 'function' ? lifetime(body) : lifetime;
}

function verdict(lifetime: Lifetime): AnswerCheck {
  return { ok: true, lifetime, lifetimeMs: LIFETIME_MS[lifetime] };
}

/** Checks a 2xx answer of `endpoint` against its schema and reads its lifetime. */
export function checkAnswer(options: { endpoint: AnyEndpoint; answer: UpstreamAnswer }): AnswerCheck {
  const { endpoint, answer } = options;
  if (answer.status < 200 || answer.status >= 300) {
    return { ok: false, reason: `status ${answer.status}` };
  }
  const { schema } = endpoint;
  if (!schema) {
    try {
      return verdict(lifetimeOf(endpoint, answer.body));
    } catch (e) {
      return { ok: false, reason: `no lifetime: ${String(e)}` };
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  const checked = schema.safeParse(json);
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : 'invalid';
    return { ok: false, reason: `schema check failed (${where})` };
  }
  try {
    return verdict(lifetimeOf(endpoint, checked.data));
  } catch (e) {
    return { ok: false, reason: `no lifetime: ${String(e)}` };
  }
}
