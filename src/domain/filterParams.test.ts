import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { pipelineMatches, readFilterParams, seenActors, writeFilterParams } from './filterParams';

const pipeline = (login: string | undefined, branch?: string) =>
  ({ trigger: login === undefined ? undefined : { actor: { login } }, vcs: branch ? { branch } : undefined }) as unknown as Pipeline;

describe('pipeline filter params', () => {
  it('round-trips every filter through the URL, keeping other parameters', () => {
    const values = { status: 'failed' as const, workflow: 'deploy-*', actor: 'renovate[bot]', mine: true };
    const params = writeFilterParams(new URLSearchParams('branch=main&project=gh%2Fa%2Fb'), values);
    expect(params.get('branch')).toBe('main');
    expect(params.get('project')).toBe('gh/a/b');
    expect(params.toString()).toContain('actor=renovate%5Bbot%5D');
    expect(readFilterParams(params)).toEqual(values);
    const cleared = writeFilterParams(params, {});
    expect([...cleared.keys()].sort()).toEqual(['branch', 'project']);
  });

  it('leaves out unknown statuses, overlong logins and other mine values', () => {
    const read = readFilterParams(new URLSearchParams(`status=broken&actor=${'x'.repeat(101)}&mine=yes`));
    expect(read).toEqual({ status: undefined, workflow: undefined, actor: undefined, mine: undefined });
  });

  it('matches by login and branch, and lists the logins seen', () => {
    expect(pipelineMatches({ pipeline: pipeline('ada', 'main'), actor: 'ada', branch: 'main' })).toBe(true);
    expect(pipelineMatches({ pipeline: pipeline('ada', 'main'), actor: 'grace' })).toBe(false);
    expect(pipelineMatches({ pipeline: pipeline('ada', 'dev'), branch: 'main' })).toBe(false);
    expect(pipelineMatches({ pipeline: pipeline(undefined), actor: 'ada' })).toBe(false);
    expect(seenActors([pipeline('grace'), pipeline(undefined), pipeline('ada'), pipeline('')], 'linus')).toEqual([
      'ada',
      'grace',
      'linus',
    ]);
  });
});
