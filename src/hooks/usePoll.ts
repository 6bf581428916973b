import { useEffect } from 'react';
import { isActiveStatus, normalizeStatus } from '../domain/status';
import type { Workflow } from '../api/types';

const MAX_BACKOFF_MS = 120_000;

/**
 * Splits pipelines by how they must be re-read: `fast` ones have running or
 * queued workflows, `slow` ones only wait for an approval. Each is a
 * comma-joined list of pipeline ids ('' for none), stable for effects.
 */
export function pollGroups(
  results: ReadonlyMap<string, { workflows?: Workflow[] }>,
): { fast: string; slow: string } {
  const fast: string[] = [];
  const slow: string[] = [];
  for (const [id, r] of results) {
    const statuses = (r.workflows ?? []).map(w => normalizeStatus(w.status));
    const active = statuses.filter(isActiveStatus);
    if (active.length === 0) continue;
    (active.every(s => s === 'on_hold') ? slow : fast).push(id);
  }
  return { fast: fast.join(','), slow: slow.join(',') };
}

/**
 * Calls `run(ids)` every `everyMs` while `ids` is not empty and polling is
 * enabled, doubling the wait per failure (up to 2 minutes). New results
 * do not reset the timer; only a change of `ids` or of the settings does.
 */
export function usePoll(options: {
  ids: string;
  everyMs: number;
  failures: number;
  enabled: boolean;
  run: (ids: string) => void;
}): void {
  const { ids, everyMs, failures, enabled, run } = options;
  useEffect(() => {
    if (!ids || !enabled) return undefined;
    const delay = Math.min(MAX_BACKOFF_MS, everyMs * 2 ** Math.min(failures, 4));
    let timer: ReturnType<typeof setTimeout> | undefined = undefined;
    const round = () => {
      // The page may have been hidden before React saw the event.
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
      run(ids);
      timer = setTimeout(round, delay);
    };
    timer = setTimeout(round, delay);
    return () => clearTimeout(timer);
  }, [ids, everyMs, failures, enabled, run]);
}
