/*
 * Bad input gets a clear 4xx and sends nothing upstream: unknown paths,
 * `..`, `%2e%2e`, `%2f`, double encoding, malformed slugs, overlong or
 * repeated query parameters, other methods. A fuzz of paths checks that
 * every request the server sends upstream is one the endpoint table defines.
 */
import fc from 'fast-check';
import { CIRCLECI_ENDPOINTS, matchRequest } from '@circleci-backstage/plugin-circleci-common';
import { startHarness, type Harness } from '../__testUtils__/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ actionsEnabled: true });
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => h.clear());

async function expectRefused(path: string, status: number, options: { method?: string } = {}): Promise<void> {
  const answer = await h.call(path, { method: options.method });
  expect({ path, status: answer.status }).toEqual({ path, status });
  expect(answer.json().message).toEqual(expect.any(String));
}

describe('bad input', () => {
  it('answers 404 to paths the endpoint table does not define, sending nothing', async () => {
    const wf = h.fake.demo.failingJob.workflowId;
    const paths = [
      '',
      'v2',
      'v2/unknown',
      'v2/me/extra',
      'v2//me',
      'v2/me/',
      'api/v2/me',
      'v2/project/gh/acme/rocket/settings',
      'v2/project/gh/acme/rocket/envvar',
      'v2/pipeline/not-a-uuid',
      `v2/workflow/${wf}/extra`,
      'v1.1/project/gh/acme/rocket/12',
      'v1.1/me',
      'private/output/raw/gh/acme/rocket/12/output/0/x',
      // dot segments, plain and encoded
      'v2/pipeline/../me',
      'v2/../v2/me',
      'v2/project/gh/acme/../rocket/pipeline',
      'v2/project/gh/acme/./rocket',
      'v2/project/gh/acme/%2e%2e/pipeline',
      'v2/project/gh/acme/%2E%2E/pipeline',
      'v2/%2e%2e/v2/me',
      'v2/project/gh/acme/%2e',
      // encoded slashes, and double encoding
      'v2/project/gh%2Facme%2Frocket/pipeline',
      'v2/project/gh/acme/rocket%2fpipeline',
      'v2/project/gh/acme/rocket%252Fpipeline',
      'v2/project/gh/acme/%252e%252e/pipeline',
      `v2/workflow/${wf.slice(0, 8)}%252D${wf.slice(9)}`,
      `v2/workflow/${encodeURIComponent(encodeURIComponent(`${wf}/`))}job`,
      'v2/insights/gh/acme/rocket/workflows/%2e%2e/summary',
      'v2/insights/gh/acme/rocket/workflows/%2E/summary',
      'v2/insights/gh/acme/rocket/workflows/a%2fb/summary',
      // malformed slugs
      'v2/project/xx/acme/rocket/pipeline',
      'v2/project/gh/ac%20me/rocket/pipeline',
      'v2/project/gh/acme/rocket;x/pipeline',
      'v2/project/gh/acme/rocket%00/pipeline',
      'v2/project/circleci/not-a-uuid/also-not/pipeline',
      'v2/project/gh/acme/rocket/job/-1',
      'v2/project/gh/acme/rocket/job/1e3',
      'v2/project/gh/acme/rocket/job/00012',
    ];
    for (const path of paths) await expectRefused(path, 404);
    for (const method of ['PUT', 'DELETE', 'PATCH']) await expectRefused('v2/me', 404, { method });
    expect(h.upstream()).toHaveLength(0);
  });

  it('answers 414 to overlong paths and queries, and 400 to long or repeated parameters, sending nothing', async () => {
    await expectRefused(`v2/me?x=${'a'.repeat(5000)}`, 414);
    await expectRefused(`v2/project/gh/acme/rocket/pipeline?branch=${'a'.repeat(1100)}`, 414);
    await expectRefused(`pipelines?project=gh/acme/rocket&branch=${'a'.repeat(2000)}`, 414);
    await expectRefused(`v2/${'a/'.repeat(1100)}`, 414);
    await expectRefused(`v2/project/gh/acme/rocket/pipeline?branch=${'a'.repeat(600)}`, 400);
    await expectRefused('v2/project/gh/acme/rocket/pipeline?branch=a&branch=b', 400);
    await expectRefused('pipelines?project=gh/acme/rocket&page-token=a&page-token=b', 400);
    expect(h.upstream()).toHaveLength(0);
  });
});

const SEGMENTS = [
  'v2', 'v1.1', 'private', 'output', 'raw', 'project', 'projects', 'pipeline', 'pipelines', 'workflow', 'job', 'me',
  'insights', 'workflows', 'summary', 'jobs', 'tests', 'artifacts', 'flaky-tests', 'branches', 'rerun', 'cancel',
  'approve', 'run', 'mine', 'gh', 'github', 'bb', 'circleci', 'acme', 'rocket', '..', '.', '', '%2e%2e', '%2E',
  '%2f', '%2F', '%252f', '%25', '%00', '12', '0', '-1', 'deploy%20%2F%20eu-west-1', 'a%2fb', '%E2%82%AC',
  '0f3b2a9e-6a7c-4b1d-8e2f-123456789abc',
];

/** Near misses for any `{param}`. */
const BAD_VALUES = [
  'gh/acme', 'gh/acme/rocket/x', 'gh/%2e%2e/rocket', 'gh%2Facme%2Frocket', 'gh/acme/rocket', 'github/acme/rocket',
  '012', '-3', '1.5', 'deploy%2520x', '..', '%2e%2e', '', 'a%2fb', '%00', 'x'.repeat(300),
];

/** A path made from a template of the table, each `{param}` mostly valid for its kind, sometimes a near miss. */
function fromTemplate(valid: Record<string, string[]>): fc.Arbitrary<{ parts: string[]; method: string }> {
  const endpoints = Object.values(CIRCLECI_ENDPOINTS);
  return fc.constantFrom(...endpoints).chain(endpoint => {
    const kinds = [...endpoint.path.matchAll(/\{([A-Za-z]+)\}/g)].map(m => endpoint.params[m[1]]);
    const value = (kind: string) =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...valid[kind]) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_VALUES) });
    return fc.tuple(...kinds.map(value)).map(values => {
      let i = 0;
      return { parts: endpoint.path.replace(/\{[A-Za-z]+\}/g, () => values[i++]).split('/'), method: endpoint.method };
    });
  });
}

describe('path fuzz', () => {
  it('sends upstream only requests the endpoint table defines', async () => {
    const segment = fc.oneof(
      fc.constantFrom(...SEGMENTS),
      fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/),
    );
    const { failingJob, approval } = h.fake.demo;
    const valid = {
      slug: ['gh/acme/rocket', 'bb/acme/bucket'],
      v1slug: ['github/acme/rocket'],
      uuid: [failingJob.workflowId, approval.approvalRequestId],
      number: ['0', '12', String(failingJob.jobNumber)],
      name: ['build-and-test', 'deploy%20%2F%20eu-west-1'],
      segment: ['abc-123'],
    };
    let accepted = 0;
    const requests = fc.oneof(
      fc.record({ parts: fc.array(segment, { maxLength: 9 }), method: fc.constantFrom('GET', 'POST') }),
      fromTemplate(valid),
    );
    const query = fc.constantFrom('', '?branch=main', '?page-token=x', '?x=1&branch=a', '?reporting-window=last-7-days', '?circle-token=t');
    await fc.assert(
      fc.asyncProperty(requests, query, async ({ parts, method }, q) => {
        const path = `${parts.join('/')}${q}`;
        const before = h.fake.requests.length;
        const answer = await h.call(path, { method, ...(method === 'POST' ? { body: {} } : {}) });
        expect(answer.status).not.toBe(500);
        const sent = h.fake.requests.slice(before);
        const rawPath = parts.join('/');
        const matched = Boolean(matchRequest({ table: CIRCLECI_ENDPOINTS, method, path: rawPath }));
        if (matched) accepted += 1;
        // A request outside the table is refused (4xx) and sends nothing.
        return matched || (answer.status >= 400 && answer.status < 500 && sent.length === 0);
      }),
      { numRuns: 400, seed: 20 },
    );
    const sent = h.fake.requests;
    expect(accepted).toBeGreaterThan(40);
    expect(sent.length).toBeGreaterThan(10);
    for (const request of sent) {
      const [path, search = ''] = request.path.split('?');
      const matched = matchRequest({ table: CIRCLECI_ENDPOINTS, method: request.method, path });
      expect({ request: `${request.method} ${request.path}`, matched: Boolean(matched) }).toEqual({
        request: `${request.method} ${request.path}`,
        matched: true,
      });
      const allowed = Object.keys(CIRCLECI_ENDPOINTS[matched!.name].query ?? {});
      for (const name of new URLSearchParams(search).keys()) expect(allowed).toContain(name);
    }
  }, 30_000);
});
