import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { abortError, isAbortError } from '@circleci-backstage/plugin-circleci-common';

const ctx = setupFakeCircleCI();

describe('abortError and isAbortError', () => {
  it('recognise the error of a request cancelled through the client', async () => {
    ctx.fake.setLatency(200);
    const controller = new AbortController();
    const request = createTestClient().getMe({ signal: controller.signal });
    controller.abort();
    const error = await request.catch(e => e);
    expect(isAbortError(error)).toBe(true);
    expect(error).toBe(abortError(controller.signal));
  });

  it('do not take other failures for a cancellation', async () => {
    ctx.fake.failPath({ match: 'v2/me', status: 404 });
    const error = await createTestClient().getMe().catch(e => e);
    expect(isAbortError(error)).toBe(false);
    expect(isAbortError(new TypeError('Failed to fetch'))).toBe(false);
    expect(isAbortError(null)).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
  });

  it('build an AbortError without a signal, or from a signal without a reason', () => {
    expect(isAbortError(abortError())).toBe(true);
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(abortError(controller.signal))).toBe(true);
    const custom = new Error('gone');
    const other = new AbortController();
    other.abort(custom);
    expect(abortError(other.signal)).toBe(custom);
  });
});
