/**
 * @jest-environment node
 */

/*
 * The fake's Insights routes: a workflow name with spaces and a slash
 * routes as one path segment (through `fake.handle`, msw and the node:http
 * server), and the busy demo project shows a flaky test and trends of
 * both colours on its default branch.
 */

import { setupServer } from 'msw/node';
import { createFakeCircleCI, createFakeCircleCIHandlers } from '..';
import { pathSegments } from '../fake';
import { callFake } from '../testing';
import { matchRoute } from './match';
import { startFakeCircleCIServer } from './server';

const fake = createFakeCircleCI({ seed: 1 });
const ROCKET = fake.demo.slugs.rocket;
const slash = fake.demo.slashWorkflow;
const segment = encodeURIComponent(slash.name);
const query = `branch=${encodeURIComponent(slash.branch)}`;
const runsPath = `v2/insights/${ROCKET}/workflows/${segment}?${query}`;

type Runs = { items: Array<{ id: string }> };

describe('fake CircleCI: insights routes', () => {
  it('matches a whole-segment parameter with its slashes, and escaped slugs as before', () => {
    const match = (pattern: string, path: string) =>
      matchRoute(pattern.split('/'), pathSegments(path) ?? []);
    const pattern = 'v2/insights/:vcs/:org/:repo/workflows/{name}/summary';
    expect(match(pattern, 'v2/insights/gh/acme/rocket/workflows/a%20%2F%20b/summary')).toEqual({
      vcs: 'gh',
      org: 'acme',
      repo: 'rocket',
      name: 'a / b',
    });
    expect(match(pattern, 'v2/insights/gh%2Facme%2Frocket/workflows/a%2Fb/summary')).toMatchObject({
      repo: 'rocket',
      name: 'a/b',
    });
    // An unencoded slash is two segments: it does not reach the route.
    expect(match(pattern, 'v2/insights/gh/acme/rocket/workflows/a/b/summary')).toBeUndefined();
    expect(match(pattern, 'v2/insights/gh/acme/rocket/workflows//summary')).toBeUndefined();
    expect(match('v2/project/:vcs/:org/:repo', 'v2/project/gh%2Facme%2Frocket')).toEqual({
      vcs: 'gh',
      org: 'acme',
      repo: 'rocket',
    });
  });

  it('serves every workflow route of a name with spaces and a slash', async () => {
    expect(slash).toMatchObject({ name: 'deploy / eu-west-1', branch: 'renovate/lodash' });
    const runs = await callFake({ fake, path: runsPath });
    expect(runs.status).toBe(200);
    expect(runs.json<Runs>().items.map(r => r.id)).toEqual([slash.workflowId]);
    const base = `v2/insights/${ROCKET}/workflows/${segment}`;
    const jobs = await callFake({ fake, path: `${base}/jobs?${query}` });
    expect(jobs.json<{ items: Array<{ name: string }> }>().items.map(j => j.name)).toEqual([
      'deploy-eu-west-1',
    ]);
    const summary = await callFake({ fake, path: `${base}/summary?${query}` });
    expect(summary.status).toBe(200);
    expect(summary.json<{ workflow_names: string[] }>().workflow_names).toContain(slash.name);
    expect((await callFake({ fake, path: `${base}/test-metrics?${query}` })).status).toBe(200);
    const metrics = await callFake({ fake, path: `v2/insights/${ROCKET}/workflows?${query}` });
    const names = metrics.json<{ items: Array<{ name: string }> }>().items.map(w => w.name);
    expect(names).toContain(slash.name);
    expect(names.filter(n => n.startsWith('deploy / '))).toHaveLength(22);
  });

  it('routes the name through msw and the node:http server alike', async () => {
    const base = 'http://localhost:7007/api/proxy/circleci/api';
    const msw = setupServer(...createFakeCircleCIHandlers({ fake, baseUrl: base }));
    msw.listen({ onUnhandledRequest: 'bypass' });
    try {
      const viaMsw = (await (await fetch(`${base}/${runsPath}`)).json()) as Runs;
      expect(viaMsw.items.map(r => r.id)).toEqual([slash.workflowId]);
    } finally {
      msw.close();
    }
    const server = await startFakeCircleCIServer({ fake });
    try {
      const answer = await fetch(`${server.url}/api/${runsPath}`, {
        headers: { 'Circle-Token': fake.token },
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as Runs).items.map(r => r.id)).toEqual([slash.workflowId]);
    } finally {
      await server.close();
    }
  });

  it('shows a flaky test, a duration that got worse and a success rate that got better on the default branch', async () => {
    const flaky = await callFake({ fake, path: `v2/insights/${ROCKET}/flaky-tests` });
    // Snake_case keys, as real CircleCI sends them (the spec hyphenates them).
    const tests = flaky.json<{ flaky_tests: Array<{ test_name: string; workflow_name: string }> }>();
    expect(tests.flaky_tests).toContainEqual(
      expect.objectContaining({ test_name: 'engine › thrust › ramps up', workflow_name: 'build-and-test' }),
    );
    const metrics = await callFake({ fake, path: `v2/insights/${ROCKET}/workflows?reporting-window=last-30-days` });
    const names = metrics.json<{ items: Array<{ name: string }> }>().items.map(w => w.name);
    const trends = new Map<string, { success_rate: number; p95_duration_secs: number }>();
    for (const name of names) {
      const summary = await callFake({
        fake,
        path: `v2/insights/${ROCKET}/workflows/${encodeURIComponent(name)}/summary`,
      });
      trends.set(name, summary.json<{ trends: { success_rate: number; p95_duration_secs: number } }>().trends);
    }
    // build-and-test got slower (the e2e job of 1250, the long test of 1260) and fails less often.
    expect(trends.get('build-and-test')?.p95_duration_secs).toBeGreaterThan(0.1);
    expect(trends.get('build-and-test')?.success_rate).toBeGreaterThan(0.05);
    // build-test-deploy fails more often (1253 is unauthorized).
    expect(trends.get('build-test-deploy')?.success_rate).toBeLessThan(-0.05);
  });
});
