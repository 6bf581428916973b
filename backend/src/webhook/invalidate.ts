/*
 * What a completion makes wrong in the shared cache: the workflow and its
 * jobs, the pipeline and its workflow list, the project's first pipeline
 * pages (which the `/pipelines` aggregate reads too) and the job. Keys are
 * built from the table as reads build them, so the project is named in each
 * spelling a read may have used: CircleCI's webhook says `github/Org/Repo`,
 * an annotation usually `gh/org/repo`. Other spellings (e.g. `gh/ACME/x`)
 * are left to their short lifetimes.
 */
import { keysChangedBy, type ChangedTarget } from '../cache/invalidate';
import type { AnswerCache } from '../cache/answerCache';
import type { CompletionEvent } from './event';

const SHORT: Record<string, string> = { github: 'gh', bitbucket: 'bb' };
const LONG: Record<string, string> = { gh: 'github', bb: 'bitbucket' };

/** The spellings of a project slug a read may have used: short and long provider, as sent and lowercased. */
export function slugSpellings(projectSlug: string): string[] {
  const [provider, org, repo] = projectSlug.split('/');
  const providers = new Set([provider, SHORT[provider.toLowerCase()], LONG[provider.toLowerCase()]]);
  const spellings = new Set<string>();
  for (const p of providers) {
    if (!p) continue;
    spellings.add(`${p}/${org}/${repo}`);
    spellings.add(`${p}/${org}/${repo}`.toLowerCase());
  }
  return [...spellings];
}

/** The cache keys a completion makes wrong. */
export function keysOfCompletion(event: CompletionEvent): string[] {
  const keys = new Set<string>();
  for (const projectSlug of slugSpellings(event.projectSlug)) {
    const { signal } = event;
    const target: ChangedTarget = {
      workflowId: signal.workflowId,
      pipelineId: signal.pipelineId,
      projectSlug,
      jobNumber: signal.kind === 'job-completed' ? signal.jobNumber : undefined,
    };
    for (const key of keysChangedBy(target)) keys.add(key);
  }
  return [...keys];
}

/** Drops what a completion makes wrong; resolves the number of keys dropped. */
export async function dropCompletion(options: { answers: AnswerCache; event: CompletionEvent }): Promise<number> {
  const keys = keysOfCompletion(options.event);
  await options.answers.drop(keys);
  return keys.length;
}
