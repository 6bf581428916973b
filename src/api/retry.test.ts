import { ResponseError } from '@backstage/errors';
import { DEFAULT_RETRY_POLICY, retryDelay } from './retry';

function responseError(status: number, headers: Record<string, string> = {}) {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ message: 'x' }), {
      status,
      headers: { 'Content-Type': 'application/json', ...headers },
    }),
  );
}

const base = { policy: DEFAULT_RETRY_POLICY, now: Date.parse('2026-11-22T10:00:00Z') };

describe('retryDelay', () => {
  it.each([429, 502, 503, 504])('retries HTTP %i with exponential backoff and jitter', async status => {
    const error = await responseError(status);
    // random() = 0 gives half the backoff, 1 gives all of it.
    expect(retryDelay({ ...base, error, attempt: 1, random: () => 0 })).toBe(250);
    expect(retryDelay({ ...base, error, attempt: 1, random: () => 1 })).toBe(500);
    expect(retryDelay({ ...base, error, attempt: 2, random: () => 1 })).toBe(1000);
    expect(retryDelay({ ...base, error, attempt: 3, random: () => 1 })).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 500])('does not retry HTTP %i', async status => {
    expect(retryDelay({ ...base, error: await responseError(status), attempt: 1, random: () => 1 })).toBeUndefined();
  });

  it('retries network errors but not other errors', () => {
    expect(retryDelay({ ...base, error: new TypeError('Failed to fetch'), attempt: 1, random: () => 1 })).toBe(500);
    expect(retryDelay({ ...base, error: new Error('nope'), attempt: 1, random: () => 1 })).toBeUndefined();
  });

  it('honours Retry-After in seconds and as an HTTP date, within the cap', async () => {
    const seconds = await responseError(429, { 'Retry-After': '3' });
    expect(retryDelay({ ...base, error: seconds, attempt: 1, random: () => 1 })).toBe(3000);
    const date = await responseError(503, {
      'Retry-After': new Date(base.now + 7000).toUTCString(),
    });
    expect(retryDelay({ ...base, error: date, attempt: 1, random: () => 1 })).toBe(7000);
    const tooLong = await responseError(429, { 'Retry-After': '3600' });
    expect(retryDelay({ ...base, error: tooLong, attempt: 1, random: () => 1 })).toBeUndefined();
  });
});
