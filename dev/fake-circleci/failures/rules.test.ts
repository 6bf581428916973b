/**
 * @jest-environment node
 */

/*
 * The fake CircleCI's failure knobs (status, drop, html, malformed-json,
 * wrong-type), latency and request log.
 */

import { createFakeCircleCI } from '..';
import { callFake } from '../testing';

const START = Date.parse('2026-03-10T09:00:00Z');
const ROCKET = 'gh/acme/rocket';

function setup() {
  const fake = createFakeCircleCI({ seed: 1, now: () => START, startTime: START });
  return { fake };
}

describe('fake CircleCI: failure knobs, latency, request log', () => {
  it('status rules with Retry-After and times', async () => {
    const { fake } = setup();
    fake.failPath({
      match: 'GET v2/project/gh/acme/rocket/pipeline',
      status: 429,
      retryAfter: '3',
      times: 2,
    });
    const path = `v2/project/${ROCKET}/pipeline`;
    for (let i = 0; i < 2; i++) {
      const answer = await callFake({ fake, path });
      expect([answer.status, answer.headers.get('retry-after'), answer.json()]).toEqual([
        429,
        '3',
        { message: 'Rate limit exceeded.' },
      ]);
    }
    expect((await callFake({ fake, path })).status).toBe(200);
  });

  it('drop, html, malformed-json and wrong-type modes; method filter; removal', async () => {
    const { fake } = setup();
    const path = `v2/project/${ROCKET}/pipeline`;
    const remove = fake.failPath({ match: /pipeline$/, mode: 'drop' });
    expect((await callFake({ fake, path })).type).toBe('error');
    remove();
    fake.failPath({ match: 'pipeline', mode: 'html', times: 1 });
    const html = await callFake({ fake, path });
    expect([html.status, html.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ]);
    expect(html.text).toContain('<html');
    fake.failPath({ match: 'pipeline', mode: 'malformed-json', times: 1 });
    const malformed = await callFake({ fake, path });
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    fake.failPath({ match: 'pipeline', mode: 'wrong-type', times: 1 });
    expect((await callFake({ fake, path })).json<{ items: unknown }>().items).toBe('not-an-array');
    fake.failPath({ match: `v2/project/${ROCKET}/job/`, mode: 'wrong-type', times: 1 });
    const details = await callFake({
      fake,
      path: `v2/project/${ROCKET}/job/${fake.demo.failingJob.jobNumber}`,
    });
    expect(typeof details.json<{ number: unknown }>().number).toBe('string');
    fake.failPath({ match: 'pipeline', status: 503, method: 'POST' });
    expect((await callFake({ fake, path })).status).toBe(200);
    expect((await callFake({ fake, path, method: 'POST', body: {} })).status).toBe(503);
    fake.clearFailures();
    expect((await callFake({ fake, path, method: 'POST', body: {} })).status).toBe(201);
  });

  it('applies latency with timers (jest fake timers)', async () => {
    jest.useFakeTimers({ now: START });
    try {
      const fake = createFakeCircleCI({ latencyMs: 500, now: () => Date.now() });
      let done = false;
      const pending = callFake({ fake, path: 'v2/me' }).then(answer => {
        done = true;
        return answer;
      });
      await jest.advanceTimersByTimeAsync(499);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
      expect(fake.requests[0]).toEqual({ method: 'GET', path: 'v2/me', time: START });
      fake.setLatency(0);
      expect((await callFake({ fake, path: 'v2/me' })).status).toBe(200);
    } finally {
      jest.useRealTimers();
    }
  });

  it('logs requests relative to the base path, with the query', async () => {
    const { fake } = setup();
    await callFake({ fake, path: 'v2/project/gh/acme/rocket/pipeline?branch=main' });
    await callFake({ fake, path: 'v2/me', token: null });
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
      'GET v2/project/gh/acme/rocket/pipeline?branch=main',
      'GET v2/me',
    ]);
    fake.clearRequests();
    expect(fake.requests).toEqual([]);
    const other = await fake.handle(
      new Request('http://x/proxy/circleci/api/v2/me', { headers: { 'Circle-Token': fake.token } }),
      {
        basePath: '/proxy/circleci/api',
      },
    );
    expect(other.status).toBe(200);
  });
});
