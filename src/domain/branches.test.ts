import { english } from '../__testUtils__/english';
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { pipelineRef, pipelineRefText, seenBranches } from './branches';

const vcs = (v: { branch?: string | null; tag?: string | null }): Pick<Pipeline, 'vcs'> => ({
  vcs: { provider_name: 'GitHub', origin_repository_url: '', target_repository_url: '', revision: 'abc', ...v },
});

describe('seenBranches', () => {
  it('lists the branches once, sorted, with the one filtered on', () => {
    const pipelines = [vcs({ branch: 'main' }), vcs({ branch: 'feature/login' }), vcs({ branch: 'main' }), vcs({ tag: 'v1' }), { vcs: null }];
    expect(seenBranches(pipelines, undefined)).toEqual(['feature/login', 'main']);
    expect(seenBranches(pipelines, 'release')).toEqual(['feature/login', 'main', 'release']);
  });
});

describe('pipelineRef', () => {
  it('prefers the tag, then the branch, as readable text', () => {
    expect(pipelineRef(vcs({ branch: 'main', tag: 'v1.2.0' }))).toEqual({ kind: 'tag', name: 'v1.2.0' });
    expect(english(pipelineRefText(vcs({ tag: 'v1.2.0' })))).toBe('tag v1.2.0');
    expect(english(pipelineRefText(vcs({ branch: 'renovate/\u001b[31mlodash' })))).toBe('renovate/lodash');
    expect(english(pipelineRefText(vcs({ branch: '', tag: '' })))).toBeUndefined();
    expect(english(pipelineRefText(undefined))).toBeUndefined();
  });
});
