/**
 * @jest-environment node
 */

/*
 * The fake's outbound webhooks: a completion after the target was set gives
 * exactly one signed POST shaped like CircleCI's events; deliveries are
 * tried at most 3 times.
 */

import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeCircleCI } from '../fake';
import { createCompletionWatch } from '../sim/completions';
import { startFakeCircleCIServer, type FakeCircleCIServer } from './server';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function startReceiver(status: number) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>(resolve => server.close(() => resolve())) };
}

const SECRET = 'fake-webhook-secret';
let clock = Date.UTC(2026, 0, 15, 12, 0, 0);
let server: FakeCircleCIServer;

beforeEach(async () => {
  clock = Date.UTC(2026, 0, 15, 12, 0, 0);
  server = await startFakeCircleCIServer({ fake: createFakeCircleCI({ now: () => clock }) });
});
afterEach(() => server.close());

/** The completions of the first moment (1 s steps) after `clock` when something completes. */
function nextCompletions() {
  const probe = createCompletionWatch();
  probe.poll({ state: server.fake.state, t: clock });
  for (let t = clock + 1000; t < clock + 3_600_000; t += 1000) {
    const found = probe.poll({ state: server.fake.state, t });
    if (found.length > 0) return { t, found };
  }
  throw new Error('nothing completes within an hour');
}

describe('fake webhooks', () => {
  it('sends each completion after the target was set once, signed, shaped like CircleCI events', async () => {
    const receiver = await startReceiver(200);
    try {
      server.webhooks.configure({ url: receiver.url, secret: SECRET });
      await server.webhooks.tick();
      expect(receiver.received).toHaveLength(0); // what was done before is not sent
      const { t, found } = nextCompletions();
      clock = t;
      await server.webhooks.tick();
      await server.webhooks.tick(); // a second look sends nothing again
      expect(receiver.received).toHaveLength(found.length);
      const events = receiver.received.map(r => {
        const expected = `v1=${createHmac('sha256', SECRET).update(r.body).digest('hex')}`;
        expect(r.headers['circleci-signature']).toBe(expected);
        expect(r.headers['content-type']).toBe('application/json');
        return JSON.parse(r.body);
      });
      expect(events.map(e => [e.type, e.workflow.id, e.job?.number])).toEqual(
        found.map(c => [c.type, c.ref.workflow.id, c.job?.number]),
      );
      expect(new Set(events.map(e => e.id)).size).toBe(events.length);
      const common = {
        id: expect.any(String),
        happened_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        webhook: { id: expect.any(String), name: 'fake-circleci' },
        project: expect.objectContaining({ slug: expect.stringMatching(/^(github|bitbucket|circleci)\/[^/]+\/[^/]+$/) }),
        organization: { id: expect.any(String), name: expect.any(String) },
        pipeline: expect.objectContaining({ id: expect.any(String), number: expect.any(Number) }),
      };
      // `workflow.status` only on workflow events; `job` only on job events.
      const shapes: Record<string, unknown> = {
        'job-completed': {
          ...common,
          type: 'job-completed',
          workflow: expect.not.objectContaining({ status: expect.anything() }),
          job: expect.objectContaining({ id: expect.any(String), number: expect.any(Number), status: expect.any(String) }),
        },
        'workflow-completed': {
          ...common,
          type: 'workflow-completed',
          workflow: expect.objectContaining({ id: expect.any(String), status: expect.any(String) }),
        },
      };
      expect(events).toEqual(events.map(e => shapes[e.type]));
      expect(server.webhooks.deliveries.map(d => [d.status, d.attempts])).toEqual(found.map(() => [200, 1]));
    } finally {
      await receiver.close();
    }
  });

  it('tries a failing delivery at most 3 times, and a refused one once', async () => {
    const failing = await startReceiver(503);
    try {
      server.webhooks.configure({ url: failing.url, secret: SECRET });
      const { t, found } = nextCompletions();
      clock = t;
      await server.webhooks.tick();
      expect(failing.received).toHaveLength(3 * found.length);
      expect(server.webhooks.deliveries.map(d => [d.status, d.attempts])).toEqual(found.map(() => [503, 3]));
    } finally {
      await failing.close();
    }
    const refusing = await startReceiver(401);
    try {
      server.webhooks.configure({ url: refusing.url, secret: SECRET });
      const { t, found } = nextCompletions();
      clock = t;
      await server.webhooks.tick();
      expect(refusing.received).toHaveLength(found.length);
    } finally {
      await refusing.close();
    }
  }, 30_000);
});
