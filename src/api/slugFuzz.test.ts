/*
 * Property test: no annotation, however crafted, makes the client send a
 * request outside the CircleCI paths it is meant to use.
 */
import fc from 'fast-check';
import { createFakeCircleCI } from '../../dev/fake-circleci';
import { CircleCIClient } from './CircleCIClient';
import { CIRCLECI_ENDPOINTS, matchRequest } from '@circleci-backstage/plugin-circleci-common';
import { parseProjectSlugs, ProjectSlug } from '@circleci-backstage/plugin-circleci-common';
import { InvalidWorkflowsAnnotationError, parseWorkflowsAnnotation } from '../domain/workflowScope';

const PROXY = 'http://localhost:7007/api/proxy/circleci/api';

/**
 * True when a sent URL stays inside the paths of the endpoint table: the
 * same check the server's allowlist makes, not a second list of paths.
 */
function allowed(url: string): boolean {
  if (!url.startsWith(`${PROXY}/`)) return false;
  const raw = url.slice(PROXY.length).split('?')[0];
  const normalised = new URL(url).pathname.slice(new URL(PROXY).pathname.length);
  if (raw !== normalised) return false;
  return matchRequest({ table: CIRCLECI_ENDPOINTS, method: 'GET', path: raw.slice(1) }) !== undefined;
}

const pieces = fc.constantFrom(
  'gh', 'github', 'bb', 'bitbucket', 'circleci', 'gitlab', 'acme', 'rocket',
  '6e2b8f0a-3c1d-4e5f-9a7b-1c2d3e4f5a6b', '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  '.', '..', '%2e%2e', '%2F', '%2f', '%', '\\', '..\\', '/', '//', ',', ' ', '\t', '\n',
  '?', '#', '&', '=', ';', ':', '@', '\u2215', '\uff0f', '\u2024', '\u00a0', '\u200b',
  '\u0000', 'a'.repeat(300), 'v2', 'me', 'project', 'private', 'output', '-', '_', '.git',
);
const providers = fc.constantFrom('gh', 'github', 'bb', 'bitbucket', 'circleci');
const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,30}$/);
const annotations = fc.oneof(
  fc.tuple(providers, segment, segment).map(([a, b, c]) => `${a}/${b}/${c}`),
  fc
    .tuple(providers, segment, segment, pieces, fc.nat(2))
    .map(([a, b, c, trick, where]) =>
      [a, b, c].map((part, i) => (i === where ? `${part}${trick}` : part)).join('/'),
    ),
  fc.array(pieces, { maxLength: 12 }).map(parts => parts.join('')),
  fc.tuple(pieces, pieces, pieces).map(([a, b, c]) => `${a}/${b}/${c}`),
  fc.tuple(pieces, fc.string(), pieces).map(([a, b, c]) => `${a}/${b}/${c}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('slug fuzzing', () => {
  it('sends no request outside the allowed paths for 10,000 annotations', async () => {
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
          return fake.handle(new Request(url, { ...init, headers }), {
            basePath: '/api/proxy/circleci/api',
          });
        },
      },
      retry: { maxAttempts: 1 },
    });
    let parsedCount = 0;
    await fc.assert(
      fc.asyncProperty(annotations, fc.string(), async (annotation, id) => {
        let slugs: ProjectSlug[];
        try {
          slugs = parseProjectSlugs(annotation);
        } catch {
          slugs = [];
        }
        parsedCount += slugs.length ? 1 : 0;
        const ignore = () => undefined;
        for (const projectSlug of [...slugs.map(s => s.slug), annotation]) {
          const ref = { projectSlug, jobNumber: 7 };
          await client.listPipelines({ projectSlug }).catch(ignore);
          await client.getJob(ref).catch(ignore);
          await client.getJobSteps(ref).catch(ignore);
          await client.getStepOutput({ ...ref, containerIndex: 0, stepNumber: 99 }).catch(ignore);
          await client.listTests(ref).catch(ignore);
        }
        await client.getWorkflow({ workflowId: id }).catch(ignore);
        await client.listWorkflows({ pipelineId: annotation }).catch(ignore);
      }),
      { numRuns: 10_000, seed: 42 },
    );
    const violations = sent.filter(url => !allowed(url));
    expect(violations.slice(0, 5)).toEqual([]);
    expect(violations).toHaveLength(0);
    // The generator must reach the client with valid slugs too.
    expect(parsedCount).toBeGreaterThan(100);
    expect(sent.length).toBeGreaterThan(500);
  }, 120_000);

  it('flags an escaping URL (the check itself can fail)', () => {
    expect(allowed(`${PROXY}/v2/project/gh/acme/rocket/pipeline`)).toBe(true);
    expect(allowed(`${PROXY}/v2/project/gh/../../me/pipeline`)).toBe(false);
    expect(allowed(`${PROXY}/v2/project/gh/acme/rocket/%2e%2e/pipeline`)).toBe(false);
    expect(allowed(`${PROXY}/v2/workflow/not-a-uuid/job`)).toBe(false);
    expect(allowed(`${PROXY}/v2/project/gh/acme/rocket/job/07`)).toBe(false);
    expect(allowed(`${PROXY}/v2/project/gh/acme/rocket%2F..%2Fx/pipeline`)).toBe(false);
  });
});

describe('workflows annotation fuzzing', () => {
  it('accepts only workflow names and simple globs, refuses the rest with a clear error, and never throws otherwise', () => {
    const items = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.*?-]{1,20}$/), pieces, fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(items, { minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 40 }), (parts, raw) => {
        for (const value of [parts.join(','), raw]) {
          let scope: ReturnType<typeof parseWorkflowsAnnotation> | undefined;
          let refused: unknown;
          try {
            scope = parseWorkflowsAnnotation(value);
          } catch (error) {
            refused = error;
          }
          // Either a scope or the named error, never anything else.
          expect(refused === undefined || refused instanceof InvalidWorkflowsAnnotationError).toBe(true);
          for (const pattern of scope?.patterns ?? []) {
            expect(pattern).toMatch(/^[A-Za-z0-9_.\-/*? ]+$/);
            // The only place a pattern can reach a URL is `?workflow=`, encoded.
            const search = new URLSearchParams({ workflow: pattern }).toString();
            expect(search.slice('workflow='.length)).not.toMatch(/[/?#&=\s]/);
            expect(new URLSearchParams(search).get('workflow')).toBe(pattern);
            expect(typeof scope!.test(pattern)).toBe('boolean');
          }
        }
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
