import type { Artifact } from '@circleci-backstage/plugin-circleci-common';
import { groupArtifacts } from './artifacts';

const a = (path: string, node_index: number): Artifact => ({ path, node_index, url: `https://x.example/${path}` });

describe('groupArtifacts', () => {
  it('groups by container, containers in order, paths sorted', () => {
    const groups = groupArtifacts([a('z.txt', 1), a('b.txt', 0), a('a.txt', 1), a('a.txt', 0)]);
    expect(groups.map(g => [g.node, g.items.map(i => i.path)])).toEqual([
      [0, ['a.txt', 'b.txt']],
      [1, ['a.txt', 'z.txt']],
    ]);
  });

  it('puts an artifact without a usable container index in container 0', () => {
    expect(groupArtifacts([a('x', NaN)])[0].node).toBe(0);
    expect(groupArtifacts([])).toEqual([]);
  });
});
