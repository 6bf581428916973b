/*
 * POST /api/circleci/webhook against the real fake: only a valid signature
 * is acted on; every rejection changes nothing (the cache still answers,
 * with 0 upstream requests, and no signal is published); a completion drops
 * what it makes wrong and is broadcast on its project's channel.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { startHarness, type Answer, type Harness } from '../__testUtils__/harness';
import { createRecordingSignals } from '../__testUtils__/signals';
// The fake's own event builder, so the events have the shape the fake sends.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { webhookEventJson } from '../../../dev/fake-circleci/http/webhookPayload';
import { MAX_WEBHOOK_BYTES } from './router';
import { signBody } from './signature';

const SECRET = 'webhook-test-secret';
const signals = createRecordingSignals();
let h: Harness;
let serial = 0;

beforeAll(async () => {
  h = await startHarness({ config: { circleci: { webhook: { secret: SECRET } } }, features: [signals.factory] });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => {
  h.clear();
  signals.published.length = 0;
});

/** A fresh event about the rocket's failed workflow (or its failing job). */
type EventBody = Record<string, unknown> & { id: string; type: string };

function rocketEvent(type: 'workflow-completed' | 'job-completed' | string, eventId = `evt-${(serial += 1)}`): EventBody {
  const { failingJob } = h.fake.demo;
  const ref = h.fake.state.findWorkflow(failingJob.workflowId)!;
  const job = ref.workflow.jobs.find(j => j.number === failingJob.jobNumber);
  const completion = {
    type: type === 'job-completed' ? ('job-completed' as const) : ('workflow-completed' as const),
    ref,
    job: type === 'job-completed' ? job : undefined,
    status: 'failed',
    doneAt: Date.now(),
  };
  return { ...webhookEventJson({ completion, eventId, webhook: { id: 'w', name: 'test' } }), id: eventId, type };
}

/** Sends a body as CircleCI does: unauthenticated, with the given (or a valid) signature. */
function send(body: string | object, signature?: string | null): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    authorization: mockCredentials.none.header(),
    'content-type': 'application/json',
  };
  if (signature !== null) headers['circleci-signature'] = signature ?? signBody({ secret: SECRET, body: text });
  return h.call('webhook', { method: 'POST', body: text, headers });
}

/** The reads a completion of the rocket's failed workflow makes wrong, and one of another project. */
function reads() {
  const { failingJob, slugs } = h.fake.demo;
  const [vcs, org, repo] = slugs.bucket.split('/');
  const bucketWorkflow = h.fake.state.findProject({ vcs, org, repo })!.pipelines.at(-1)!.workflows[0].id;
  const pipelineId = h.fake.state.findWorkflow(failingJob.workflowId)!.pipeline.id;
  return {
    workflow: `v2/workflow/${failingJob.workflowId}`,
    pipelineWorkflows: `v2/pipeline/${pipelineId}/workflow`,
    jobs: `v2/workflow/${failingJob.workflowId}/job`,
    job: `v2/project/gh/acme/rocket/job/${failingJob.jobNumber}`,
    tests: `v2/project/gh/acme/rocket/${failingJob.jobNumber}/tests`,
    other: `v2/workflow/${bucketWorkflow}`,
  };
}

/**
 * Reads each path and counts the upstream requests it took (a read by
 * pipeline id also reads the pipeline, to learn its project for the access check).
 */
async function upstreamCounts(paths: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, path] of Object.entries(paths)) {
    h.clear();
    const answer = await h.call(path);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    counts[name] = h.upstream().length;
  }
  h.clear();
  return counts;
}

async function expectNothingChanged(deliver: () => Promise<Answer>, status: number): Promise<Answer> {
  await upstreamCounts(reads()); // warm
  const answer = await deliver();
  expect(answer.status).toBe(status);
  expect(await upstreamCounts(reads())).toEqual({ workflow: 0, pipelineWorkflows: 0, jobs: 0, job: 0, tests: 0, other: 0 });
  expect(signals.published).toEqual([]);
  return answer;
}

describe('POST /webhook', () => {
  it('refuses a missing or wrong signature with 401 and changes nothing', async () => {
    const body = JSON.stringify(rocketEvent('workflow-completed'));
    const missing = await expectNothingChanged(() => send(body, null), 401);
    expect(missing.json().message).toMatch(/circleci-signature/);
    await expectNothingChanged(() => send(body, signBody({ secret: 'another secret', body })), 401);
    await expectNothingChanged(() => send(body, `v1=${'0'.repeat(64)}`), 401);
    await expectNothingChanged(() => send(body, 'v0=abc, sha256=def'), 401);
    // A valid signature of another body.
    await expectNothingChanged(() => send(body, signBody({ secret: SECRET, body: `${body} ` })), 401);
  });

  it('accepts any valid v1 entry of the list', async () => {
    const body = JSON.stringify(rocketEvent('workflow-completed'));
    const answer = await send(body, `v1=${'a'.repeat(64)}, ${signBody({ secret: SECRET, body })}`);
    expect([answer.status, answer.json().result]).toEqual([200, 'accepted']);
  });

  it('refuses an oversized body with 413 and a malformed event with 400, though signed, and changes nothing', async () => {
    const huge = JSON.stringify({ ...rocketEvent('workflow-completed'), padding: 'x'.repeat(MAX_WEBHOOK_BYTES) });
    await expectNothingChanged(() => send(huge), 413);
    // Like the reference's own GitLab job sample: a comma missing.
    const broken = JSON.stringify(rocketEvent('workflow-completed'), null, 1).replace('",\n "type"', '"\n "type"');
    const malformed = await expectNothingChanged(() => send(broken), 400);
    expect(malformed.json().message).toMatch(/not valid JSON/);
    await expectNothingChanged(() => send('[1,2]'), 400);
    const { workflow, ...noWorkflow } = rocketEvent('workflow-completed');
    expect(workflow).toBeDefined();
    await expectNothingChanged(() => send(noWorkflow), 400);
  });

  it('answers 200 to an event type it does not act on, and changes nothing', async () => {
    const answer = await expectNothingChanged(() => send(rocketEvent('ping')), 200);
    expect(answer.json()).toMatchObject({ result: 'ignored' });
  });

  it('drops what a workflow completion makes wrong, keeps the rest, then broadcasts the signal', async () => {
    await upstreamCounts(reads());
    const { failingJob } = h.fake.demo;
    const event = rocketEvent('workflow-completed');
    const answer = await send(event);
    expect([answer.status, answer.json()]).toEqual([200, { result: 'accepted', id: event.id }]);
    expect(await upstreamCounts(reads())).toEqual({ workflow: 1, pipelineWorkflows: 2, jobs: 1, job: 0, tests: 0, other: 0 });
    const ref = h.fake.state.findWorkflow(failingJob.workflowId)!;
    expect(signals.published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: 'circleci:project:github/acme/rocket',
        message: {
          kind: 'workflow-completed',
          eventId: event.id,
          pipelineId: ref.pipeline.id,
          pipelineNumber: ref.pipeline.number,
          workflowId: failingJob.workflowId,
          status: 'failed',
        },
      },
    ]);
  });

  it('drops the job on a job completion, and names it in the signal', async () => {
    await upstreamCounts(reads());
    const event = rocketEvent('job-completed');
    expect((await send(event)).status).toBe(200);
    expect(await upstreamCounts(reads())).toEqual({ workflow: 1, pipelineWorkflows: 2, jobs: 1, job: 1, tests: 1, other: 0 });
    const { failingJob } = h.fake.demo;
    expect(signals.published).toHaveLength(1);
    expect(signals.published[0].message).toMatchObject({
      kind: 'job-completed',
      workflowId: failingJob.workflowId,
      jobNumber: failingJob.jobNumber,
      status: 'failed',
    });
  });

  it('drops the pipeline lists the /pipelines aggregate reads', async () => {
    const aggregate = async () => {
      h.clear();
      expect((await h.call('pipelines?project=gh/acme/rocket')).status).toBe(200);
      return h.upstream().map(r => r.path);
    };
    await aggregate();
    expect(await aggregate()).toEqual([]);
    expect((await send(rocketEvent('workflow-completed'))).status).toBe(200);
    // The failed workflow's pipeline is on the first page: its workflow list is read again too, and only it.
    const { pipeline } = h.fake.state.findWorkflow(h.fake.demo.failingJob.workflowId)!;
    expect(await aggregate()).toEqual(['v2/project/gh/acme/rocket/pipeline', `v2/pipeline/${pipeline.id}/workflow`]);
  });

  it('answers 200 to a replay of an id already handled, and changes nothing', async () => {
    const event = rocketEvent('workflow-completed');
    expect((await send(event)).json().result).toBe('accepted');
    signals.published.length = 0;
    const replay = await expectNothingChanged(() => send(event), 200);
    expect(replay.json()).toEqual({ result: 'duplicate', id: event.id });
  });
});

describe('POST /webhook without a secret', () => {
  it('answers 404, whatever it is sent, and changes nothing', async () => {
    const plain = createRecordingSignals();
    const off = await startHarness({ features: [plain.factory] });
    try {
      const body = JSON.stringify({ id: 'x', type: 'workflow-completed' });
      const path = `v2/workflow/${off.fake.demo.failingJob.workflowId}`;
      await off.call(path);
      off.clear();
      const answer = await off.call('webhook', {
        method: 'POST',
        body,
        headers: { authorization: mockCredentials.none.header(), 'circleci-signature': signBody({ secret: '', body }) },
      });
      expect([answer.status, answer.json().message]).toEqual([404, expect.stringMatching(/circleci\.webhook\.secret/)]);
      expect((await off.call(path)).headers['x-circleci-cache']).toBe('hit');
      expect(off.upstream()).toEqual([]);
      expect(plain.published).toEqual([]);
    } finally {
      await off.stop();
    }
  });
});
