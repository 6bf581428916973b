/*
 * Branches and tags of pipelines.
 */
import type { Pipeline } from '@circleci-backstage/plugin-circleci-common';
import { type CircleCIMessage, msg } from './messages';
import { stripControl } from './text';

/** Branches seen in the loaded pipelines, plus the one filtered on, sorted. */
export function seenBranches(
  pipelines: readonly Pick<Pipeline, 'vcs'>[],
  branch: string | undefined,
): string[] {
  const set = new Set<string>();
  if (branch) set.add(branch);
  for (const p of pipelines) if (p.vcs?.branch) set.add(p.vcs.branch);
  return [...set].sort();
}

/**
 * What a pipeline was built from, as readable text: its tag for a tag
 * pipeline, else its branch; undefined when CircleCI says neither.
 */
export function pipelineRef(
  pipeline: Pick<Pipeline, 'vcs'> | undefined,
): { kind: 'tag' | 'branch'; name: string } | undefined {
  const vcs = pipeline?.vcs;
  const tag = stripControl(vcs?.tag);
  if (tag) return { kind: 'tag', name: tag };
  const branch = stripControl(vcs?.branch);
  return branch ? { kind: 'branch', name: branch } : undefined;
}

/** The ref as a phrase: `tag v1.2.0` or the branch name. */
export function pipelineRefText(pipeline: Pick<Pipeline, 'vcs'> | undefined): CircleCIMessage | undefined {
  const ref = pipelineRef(pipeline);
  if (!ref) return undefined;
  return ref.kind === 'tag'
    ? msg('domain.tagRef', { tag: ref.name })
    : msg('domain.branchRef', { branch: ref.name });
}
