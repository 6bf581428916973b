/*
 * A job's artifacts, grouped as the job view lists them.
 */
import type { Artifact } from '@circleci-backstage/plugin-circleci-common';

/**
 * The artifacts of one container.
 */
export interface ArtifactGroup {
  /** The container's index (`node_index`). */
  node: number;
  /** Its artifacts, by path. */
  items: Artifact[];
}

/**
 * Groups artifacts by container (`node_index`), containers in order, paths
 * sorted. An artifact without a usable index counts as container 0.
 */
export function groupArtifacts(artifacts: readonly Artifact[]): ArtifactGroup[] {
  const groups = new Map<number, Artifact[]>();
  for (const artifact of artifacts) {
    const node = Number.isFinite(artifact.node_index) ? artifact.node_index : 0;
    const items = groups.get(node) ?? [];
    items.push(artifact);
    groups.set(node, items);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([node, items]) => ({
      node,
      items: [...items].sort((a, b) => a.path.localeCompare(b.path)),
    }));
}
