import type { WorkflowJob } from '@circleci-backstage/plugin-circleci-common';

/**
 * Lays out a workflow's jobs in stages by their `dependencies`, like the
 * CircleCI UI: a job's stage is one more than the latest stage it depends
 * on. Dependencies on unknown jobs are ignored; cycles cannot hang it.
 */
export function layerJobs(jobs: readonly WorkflowJob[]): WorkflowJob[][] {
  const byId = new Map(jobs.map(j => [j.id, j]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (job: WorkflowJob): number => {
    const known = depth.get(job.id);
    if (known !== undefined) return known;
    if (visiting.has(job.id)) return 0;
    visiting.add(job.id);
    let d = 0;
    for (const depId of job.dependencies ?? []) {
      const dep = byId.get(depId);
      if (dep) d = Math.max(d, depthOf(dep) + 1);
    }
    visiting.delete(job.id);
    depth.set(job.id, d);
    return d;
  };
  const layers: WorkflowJob[][] = [];
  for (const job of jobs) {
    const d = depthOf(job);
    (layers[d] ??= []).push(job);
  }
  return layers.filter(Boolean);
}
