/*
 * `gh/acme/monorepo`: one CircleCI project serving two components, each
 * with its own workflows (`api-build` and `api-deploy` for the api,
 * `web-build` for the web app), and a long, quiet history: 230 finished
 * pipelines (numbers 5001 oldest to 5230 newest), more than the commit
 * search reads by default (10 pages of 20). The newest 20 all succeeded,
 * so a status filter such as "only failed" has to walk past the first page.
 *
 * Its commits: one built twice on `main` (the second pipeline re-triggered
 * by hand after a flaky failure), one built on a feature branch and again
 * on `main` after the merge, and the feature branches' own commits, which
 * exist only there.
 */

import {
  min,
  type ActorKey,
  type JobBlueprint,
  type PipelineBlueprint,
  type ProjectBlueprint,
  type WorkflowBlueprint,
} from './blueprint';

/** The monorepo's pipelines. */
export const MONOREPO_PIPELINES = 230;
/** Newest first: the index (k) of the pipeline that re-builds the commit of k + 1. */
export const MONOREPO_REBUILD_K = 30;
/** Newest first: the index on `main` that builds again the commit of the feature-branch pipeline k + 2. */
export const MONOREPO_MERGE_K = 8;
/** The workflow names of each component. */
export const MONOREPO_WORKFLOWS = { api: ['api-build', 'api-deploy'], web: ['web-build'] } as const;

const API_SUBJECTS = [
  'api: paginate the orders endpoint',
  'api: cache the pricing lookups',
  'api: retry the payment webhook',
  'api: log slow queries',
];
const WEB_SUBJECTS = [
  'web: dark mode for the dashboard',
  'web: lazy-load the charts',
  'web: fix the checkout button focus',
  'web: translate the settings page',
];
const BOTH_SUBJECTS = ['Share the auth client between api and web', 'Bump node to 22 in both packages'];
const HUMANS: ActorKey[] = ['ada', 'grace', 'linus', 'margaret'];

function jobs(part: 'api' | 'web', outcome?: JobBlueprint['outcome']): JobBlueprint[] {
  return [
    { name: `${part}-test`, kind: 'test', durationMs: 40_000, ...(outcome ? { outcome } : {}) },
    { name: `${part}-build`, kind: 'build', durationMs: 30_000, requires: [`${part}-test`] },
  ];
}

function branchOf(k: number): string {
  if (k === MONOREPO_MERGE_K + 2 || (k >= 60 && k < 66)) return 'feature/web-dark-mode';
  if (k >= 120 && k < 126) return 'feature/api-pagination';
  if (k % 23 === 11) return 'renovate/node-22';
  return 'main';
}

/** Whether the pipeline at k (newest first) fails, and how. */
function failureOf(k: number): JobBlueprint['outcome'] | undefined {
  if (k < 20) return undefined; // a quiet first page
  if (k === MONOREPO_REBUILD_K + 1 || k % 17 === 5) return 'failed';
  if (k % 41 === 13) return 'timedout';
  return undefined;
}

type Part = 'api' | 'web' | 'both';

/** What the pipeline at k touches: the commit's components. */
function partOf(k: number): Part {
  // The re-triggered pipeline and the merge build the commits of older ones.
  if (k === MONOREPO_REBUILD_K) return partOf(k + 1);
  if (k === MONOREPO_MERGE_K) return partOf(k + 2);
  if (k % 3 === 0) return 'api';
  return k % 3 === 1 ? 'web' : 'both';
}

function workflowsOf(options: { k: number; part: Part; branch: string }): WorkflowBlueprint[] {
  const { k, part, branch } = options;
  const outcome = failureOf(k);
  const workflows: WorkflowBlueprint[] = [];
  if (part !== 'web') workflows.push({ name: 'api-build', jobs: jobs('api', outcome) });
  if (part !== 'api') {
    workflows.push({ name: 'web-build', offsetMs: 1700, jobs: jobs('web', part === 'web' ? outcome : undefined) });
  }
  if (part === 'api' && branch === 'main' && k % 6 === 0 && !outcome) {
    workflows.push({
      name: 'api-deploy',
      offsetMs: 1900,
      jobs: [{ name: 'api-deploy', kind: 'deploy', contexts: ['production'] }],
    });
  }
  return workflows;
}

/** The pipeline k (0 = newest). */
function pipeline(k: number): PipelineBlueprint {
  const branch = branchOf(k);
  const part = partOf(k);
  const subjects = { api: API_SUBJECTS, web: WEB_SUBJECTS, both: BOTH_SUBJECTS }[part];
  let subjectK = k;
  if (k === MONOREPO_REBUILD_K) subjectK = k + 1;
  else if (k === MONOREPO_MERGE_K) subjectK = k + 2;
  const spec: PipelineBlueprint = {
    agoMs: min(20) + k * min(25),
    branch,
    actor: branch.startsWith('renovate/') ? 'renovate' : HUMANS[k % HUMANS.length],
    commit: { subject: subjects[subjectK % subjects.length], body: null },
    workflows: workflowsOf({ k, part, branch }),
  };
  if (k === MONOREPO_REBUILD_K) return { ...spec, commitKey: 'rebuild', trigger: 'api', actor: 'ada' };
  if (k === MONOREPO_REBUILD_K + 1) return { ...spec, commitKey: 'rebuild' };
  if (k === MONOREPO_MERGE_K || k === MONOREPO_MERGE_K + 2) return { ...spec, commitKey: 'merge' };
  return spec;
}

/** The `gh/acme/monorepo` project. */
export const MONOREPO: ProjectBlueprint = {
  vcs: 'gh',
  org: 'acme',
  repo: 'monorepo',
  name: 'monorepo',
  vcsUrl: 'https://github.com/acme/monorepo',
  providerName: 'GitHub',
  defaultBranch: 'main',
  firstPipelineNumber: 5001,
  firstJobNumber: 20001,
  pipelines: Array.from({ length: MONOREPO_PIPELINES }, (_, k) => pipeline(k)).reverse(),
};
