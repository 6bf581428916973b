import {
  buildRequest,
  CIRCLECI_ENDPOINTS,
  EndpointName,
  InvalidParameterError,
  LIFETIME_MS,
  matchRequest,
  ParamKind,
} from '.';
import { InvalidProjectSlugError } from '../slug';

const SAMPLE: Record<ParamKind, unknown> = {
  slug: 'gh/acme/rocket',
  v1slug: 'gh/acme/rocket',
  uuid: '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b',
  number: 42,
  name: 'deploy / eu-west-1',
  segment: 'proj_123-x',
};

function valuesFor(name: EndpointName): Record<string, unknown> {
  const { params } = CIRCLECI_ENDPOINTS[name];
  const values = Object.fromEntries(Object.entries(params).map(([param, kind]) => [param, SAMPLE[kind]]));
  // The one id that travels in a body rather than in the path.
  return name === 'runPipeline' ? { ...values, definitionId: SAMPLE.uuid } : values;
}

const names = Object.keys(CIRCLECI_ENDPOINTS) as EndpointName[];
const match = (method: string, path: string) => matchRequest({ table: CIRCLECI_ENDPOINTS, method, path });

describe('the endpoint table', () => {
  it.each(names)('%s: a built path matches back to the same endpoint and values', name => {
    const endpoint = CIRCLECI_ENDPOINTS[name];
    const request = buildRequest({ endpoint, values: valuesFor(name) });
    const matched = match(endpoint.method, request.path);
    expect(matched?.name).toBe(name);
    const read = (kind: ParamKind, value: unknown) =>
      kind === 'slug' || kind === 'v1slug' ? (value as { slug: string }).slug : value;
    const expected = (kind: ParamKind) => (kind === 'v1slug' ? 'github/acme/rocket' : SAMPLE[kind]);
    const entries = Object.entries(endpoint.params);
    expect(entries.map(([param, kind]) => read(kind, matched!.params[param]))).toEqual(
      entries.map(([, kind]) => expected(kind)),
    );
  });

  it('builds paths, query and body as CircleCI names them', () => {
    expect(
      buildRequest({
        endpoint: CIRCLECI_ENDPOINTS.listPipelines,
        values: { projectSlug: 'gh/acme/rocket', branch: 'feature/x', pageToken: '' },
      }),
    ).toEqual({ method: 'GET', path: 'v2/project/gh/acme/rocket/pipeline', query: { branch: 'feature/x' } });
    expect(buildRequest({ endpoint: CIRCLECI_ENDPOINTS.getJobSteps, values: { projectSlug: 'bb/acme/rocket', jobNumber: 7 } }).path).toBe(
      'v1.1/project/bitbucket/acme/rocket/7',
    );
    expect(
      buildRequest({
        endpoint: CIRCLECI_ENDPOINTS.getWorkflowSummary,
        values: { projectSlug: 'gh/acme/rocket', workflowName: 'a/b', allBranches: true, branches: ['main'] },
      }),
    ).toEqual({
      method: 'GET',
      path: 'v2/insights/gh/acme/rocket/workflows/a%2Fb/summary',
      query: { 'all-branches': 'true' },
    });
    expect(
      buildRequest({
        endpoint: CIRCLECI_ENDPOINTS.rerunWorkflow,
        values: { workflowId: SAMPLE.uuid, fromFailed: true },
      }).body,
    ).toEqual({ from_failed: true });
  });

  it('refuses a value that is not of its kind before any path exists', () => {
    const build = (name: EndpointName, values: Record<string, unknown>) => () =>
      buildRequest({ endpoint: CIRCLECI_ENDPOINTS[name], values });
    expect(build('getWorkflow', { workflowId: '../me' })).toThrow(InvalidParameterError);
    expect(build('getJob', { projectSlug: 'gh/acme/rocket', jobNumber: -1 })).toThrow(InvalidParameterError);
    expect(build('getJob', { projectSlug: 'gh/../me', jobNumber: 1 })).toThrow(InvalidProjectSlugError);
    expect(build('listWorkflowRuns', { projectSlug: 'gh/a/b', workflowName: '..' })).toThrow(InvalidParameterError);
    expect(build('listPipelineDefinitions', { projectId: 'a/b' })).toThrow(InvalidParameterError);
    expect(build('rerunWorkflow', { workflowId: SAMPLE.uuid, jobIds: ['x'] })).toThrow(InvalidParameterError);
  });

  it.each([
    ['an unknown path', 'GET', 'v2/me/collaborations'],
    ['a POST path read with GET', 'GET', `v2/workflow/${SAMPLE.uuid}/cancel`],
    ['a read sent as POST', 'POST', `v2/workflow/${SAMPLE.uuid}`],
    ['a dot-dot segment', 'GET', 'v2/project/gh/acme/../me'],
    ['an encoded dot-dot', 'GET', 'v2/project/gh/acme/%2e%2e/pipeline'],
    ['an encoded slash in a slug', 'GET', 'v2/project/gh/acme%2Frocket/x/pipeline'],
    ['a double-encoded slash', 'GET', 'v2/project/gh/acme/rocket%252F/pipeline'],
    ['an empty segment', 'GET', 'v2/project/gh/acme//rocket/pipeline'],
    ['a number with a leading zero', 'GET', 'v2/project/gh/acme/rocket/job/07'],
    ['a non-UUID id', 'GET', 'v2/workflow/12345/job'],
    ['a v1.1 slug in v2 form', 'GET', 'v1.1/project/gh/acme/rocket/7'],
    ['a workflow name that is a dot-dot', 'GET', 'v2/insights/gh/acme/rocket/workflows/%2E%2E'],
    ['an overlong path', 'GET', `v2/insights/gh/acme/rocket/workflows/${'a'.repeat(3000)}`],
  ])('matches nothing for %s', (_, method, path) => {
    expect(match(method, path)).toBeUndefined();
  });

  it('reads a workflow name holding a literal "%2F" back as that text, never as a slash', () => {
    expect(match('GET', 'v2/insights/gh/acme/rocket/workflows/a%252Fb')?.params.workflowName).toBe('a%2Fb');
    expect(match('GET', 'v2/insights/gh/acme/rocket/workflows/a%2Fb')?.params.workflowName).toBe('a/b');
    expect(match('GET', 'v2/insights/gh/acme/rocket/workflows/a%2fb')).toBeUndefined();
  });

  it('reads how long an answer stays true from the answer itself', () => {
    const lifetime = (name: EndpointName, body: unknown) => {
      const { lifetime: rule } = CIRCLECI_ENDPOINTS[name];
      return typeof rule === 'function' ? (rule as (b: unknown) => string)(body) : rule;
    };
    expect(lifetime('getWorkflow', { status: 'running' })).toBe('live');
    expect(lifetime('getWorkflow', { status: 'success' })).toBe('final');
    expect(lifetime('getWorkflow', { status: 'on_hold' })).toBe('live');
    expect(lifetime('listJobs', { items: [{ status: 'success' }, { status: 'queued' }] })).toBe('live');
    expect(lifetime('listJobs', { items: [{ status: 'success' }, { status: 'failed' }] })).toBe('final');
    expect(lifetime('listWorkflows', { items: [{ status: 'success' }] })).toBe('list');
    expect(lifetime('getJobSteps', { status: 'running' })).toBe('live');
    expect(lifetime('listTests', { items: [] })).toBe('list');
    expect(lifetime('listPipelines', { items: [] })).toBe('list');
    expect(lifetime('getWorkflowMetrics', { items: [] })).toBe('slow');
    expect(LIFETIME_MS.live).toBeLessThanOrEqual(10_000);
    expect(LIFETIME_MS.slow).toBe(600_000);
  });

  it('holds every page cap, and only GET lists are paged', () => {
    const caps = Object.fromEntries(
      names.filter(n => CIRCLECI_ENDPOINTS[n].paging).map(n => [n, CIRCLECI_ENDPOINTS[n].paging!.cap]),
    );
    expect(caps).toEqual({
      listPipelines: 10,
      listMyPipelines: 10,
      listWorkflows: 5,
      listJobs: 10,
      listTests: 20,
      listArtifacts: 20,
      getWorkflowMetrics: 5,
      listWorkflowRuns: 10,
      getJobMetrics: 10,
    });
    for (const n of Object.keys(caps) as EndpointName[]) expect(CIRCLECI_ENDPOINTS[n].method).toBe('GET');
  });
});
