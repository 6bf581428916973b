/*
 * Property test: a workflow name, whatever its characters, reaches an
 * Insights URL only URL-encoded, as exactly one path segment (or one
 * query value), and the fake's router reads the exact name back from it.
 * Names an URL cannot carry as a segment (empty, `.`, `..`, overlong) are
 * refused before any request.
 */
import fc from 'fast-check';
import { createFakeCircleCI } from '../../dev/fake-circleci';
import { pathSegments } from '../../dev/fake-circleci/fake';
import { matchRoute } from '../../dev/fake-circleci/http/match';
import { createTestClient, setupFakeCircleCI } from '../__testUtils__/setup';
import { CircleCIClient } from './CircleCIClient';
import { CIRCLECI_ENDPOINTS, matchRequest } from '@circleci-backstage/plugin-circleci-common';

const PROXY = 'http://localhost:7007/api/proxy/circleci/api';
const BASE = '/api/proxy/circleci/api';
const ROCKET = 'gh/acme/rocket';
/** The endpoints the four calls below send, in order, from the endpoint table. */
const CALLED = ['listWorkflowRuns', 'getWorkflowSummary', 'getJobMetrics', 'getTestMetrics'] as const;
const PATTERNS = CALLED.map(name =>
  CIRCLECI_ENDPOINTS[name].path.replace('{projectSlug}', ':vcs/:org/:repo').replace('{workflowName}', '{name}').split('/'),
);

const pieces = fc.constantFrom(
  ' ', '/', '//', '?', '#', '%', '%2F', '%2f', '%25', '%zz', '&', '=', '+', ';', ':', '@', '.', '..',
  '\\', '\t', '\n', '\u0000', '\u00a0', '\u200b', '\u2215', '\uff0f', 'é', 'ü', '日本', '🚀',
  'deploy', 'build-and-test', 'summary', 'jobs', 'v2', 'a'.repeat(260),
);
const names = fc.oneof(
  fc.array(pieces, { minLength: 1, maxLength: 8 }).map(parts => parts.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('deploy / eu-west-1', 'build-and-test', '.', '..', ''),
);

/** Why a name cannot be a path segment, or undefined when it can. */
const refusable = (name: string): boolean => name === '' || name === '.' || name === '..' || name.length > 256;

describe('insights workflow name fuzzing', () => {
  it('sends every name as one encoded segment that routes back to the exact name', async () => {
    const fake = createFakeCircleCI({ seed: 1 });
    const sent: string[] = [];
    const client = new CircleCIClient({
      discoveryApi: { getBaseUrl: async () => 'http://localhost:7007/api/proxy' },
      fetchApi: {
        fetch: async (input, init) => {
          const url = String(input);
          sent.push(url);
          const headers = new Headers(init?.headers);
          headers.set('Circle-Token', fake.token);
          return fake.handle(new Request(url, { ...init, headers }), { basePath: BASE });
        },
      },
      retry: { maxAttempts: 1 },
    });
    let routed = 0;
    await fc.assert(
      fc.asyncProperty(names, async name => {
        sent.length = 0;
        const options = { projectSlug: ROCKET, workflowName: name, allBranches: true };
        const calls = [
          () => client.listWorkflowRuns(options),
          () => client.getWorkflowSummary(options),
          () => client.getJobMetrics(options),
          () => client.getTestMetrics(options),
        ];
        for (const call of calls) {
          const outcome = await call().then(
            () => 'ok',
            (e: unknown) => (e instanceof TypeError ? 'refused' : 'failed'),
          );
          expect([name, outcome]).toEqual([name, refusable(name) ? 'refused' : 'ok']);
        }
        expect(sent).toHaveLength(refusable(name) ? 0 : 4);
        sent.forEach((url, i) => {
          const raw = url.slice(PROXY.length + 1).split('?')[0];
          // The URL parser changes nothing: no dot segment, no stray `?` or `#`.
          expect(`${new URL(url).pathname}`).toBe(`${BASE}/${raw}`);
          expect(new URL(url).hash).toBe('');
          const segments = raw.split('/');
          expect(segments).toHaveLength(PATTERNS[i].length);
          expect(decodeURIComponent(segments[6])).toBe(name);
          // The table (the server's allowlist) and the fake's router read the exact name back.
          expect(matchRequest({ table: CIRCLECI_ENDPOINTS, method: 'GET', path: raw })).toEqual({
            name: CALLED[i],
            params: expect.objectContaining({ workflowName: name }),
          });
          expect(matchRoute(PATTERNS[i], pathSegments(raw) ?? [])?.name).toBe(name);
          routed++;
        });
        // As a query value, any name travels encoded and comes back whole.
        const before = sent.length;
        await client.listInsightsBranches({ projectSlug: ROCKET, workflowName: name || 'x' });
        expect(new URL(sent[before]).searchParams.get('workflow-name')).toBe(name || 'x');
      }),
      { numRuns: 2_000, seed: 12 },
    );
    expect(routed).toBeGreaterThan(4_000);
  }, 120_000);

  describe('through msw', () => {
    const ctx = setupFakeCircleCI();

    it('reaches the runs of a workflow whose name has spaces and a slash', async () => {
      const { name, branch, workflowId } = ctx.fake.demo.slashWorkflow;
      const client = createTestClient();
      const runs = await client.listWorkflowRuns({ projectSlug: ROCKET, workflowName: name, branch });
      expect(runs.items.map(r => r.id)).toEqual([workflowId]);
      const jobs = await client.getJobMetrics({ projectSlug: ROCKET, workflowName: name, branch });
      expect(jobs.map(j => j.name)).toEqual(['deploy-eu-west-1']);
      expect(ctx.fake.requests.map(r => r.path)[0]).toBe(
        'v2/insights/gh/acme/rocket/workflows/deploy%20%2F%20eu-west-1?branch=renovate%2Flodash',
      );
      // Unencoded, the same name would be another path: the fake has no runs there.
      const other = await client.listWorkflowRuns({ projectSlug: ROCKET, workflowName: 'deploy', branch });
      expect(other.items).toEqual([]);
    });
  });
});
