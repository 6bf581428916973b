import { layerJobs } from './jobGraph';
import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';

function job(id: string, dependencies: string[]): WorkflowJob {
  return { id, name: id, type: 'build', status: 'success', dependencies, project_slug: 'gh/a/b' };
}

describe('layerJobs', () => {
  it('puts each job one stage after its latest dependency', () => {
    const layers = layerJobs([
      job('test', ['build']),
      job('build', []),
      job('lint', []),
      job('deploy', ['test', 'lint']),
    ]);
    expect(layers.map(l => l.map(j => j.id))).toEqual([['build', 'lint'], ['test'], ['deploy']]);
  });

  it('ignores unknown dependencies and survives cycles', () => {
    const layers = layerJobs([job('a', ['b']), job('b', ['a']), job('c', ['missing'])]);
    expect(layers.flat().map(j => j.id).sort()).toEqual(['a', 'b', 'c']);
  });
});
