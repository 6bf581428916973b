import { useCallback, useEffect, useRef, useState } from 'react';
import type { CircleCIApi } from '../api/CircleCIApi';
import { isActiveStatus, normalizeStatus } from '../api/status';
import type { Workflow } from '../api/types';
import type { ResourceCache } from './resourceCache';
import { TaskQueue } from './taskQueue';
import { usePageVisible } from './usePageVisible';
import { POLL_INTERVAL_MS } from './useResource';
import { isAbort, useCircleCI } from './useResourceCache';

/**
 * The workflows of one pipeline, or why they could not be loaded.
 * @public
 */
export interface PipelineWorkflows {
  workflows?: Workflow[];
  error?: Error;
}

/** At most this many workflow requests are in flight at once. */
export const WORKFLOW_CONCURRENCY = 6;
const MAX_WORKFLOW_PAGES = 5;

/** Reads every page of a pipeline's workflows (there is rarely more than one). */
async function allWorkflows(options: {
  api: CircleCIApi;
  pipelineId: string;
  signal: AbortSignal;
}): Promise<Workflow[]> {
  const { api, pipelineId, signal } = options;
  const items: Workflow[] = [];
  let pageToken: string | undefined;
  for (let i = 0; i < MAX_WORKFLOW_PAGES; i++) {
    const page = await api.listWorkflows({ pipelineId, pageToken, signal });
    items.push(...page.items);
    pageToken = page.nextPageToken;
    if (!pageToken) break;
  }
  return items;
}

/** The cache key of a pipeline's workflows. */
export function workflowsKey(pipelineId: string): string {
  return `workflows:${pipelineId}${pipelineId ? ':' : ''}`;
}

interface Scheduler {
  queue: TaskQueue;
  controller: AbortController;
  requested: Set<string>;
}

function newScheduler(): Scheduler {
  return {
    queue: new TaskQueue({ concurrency: WORKFLOW_CONCURRENCY }),
    controller: new AbortController(),
    requested: new Set(),
  };
}

function schedule(options: {
  scheduler: Scheduler;
  ids: readonly string[];
  api: CircleCIApi;
  cache: ResourceCache;
  onResult: (id: string, result: PipelineWorkflows) => void;
}) {
  const { scheduler, ids, api, cache, onResult } = options;
  for (const id of ids) {
    if (scheduler.requested.has(id)) continue;
    scheduler.requested.add(id);
    const cached = cache.peek<Workflow[]>(workflowsKey(id));
    if (cached?.fresh) {
      onResult(id, { workflows: cached.value });
      continue;
    }
    scheduler.queue.push(async () => {
      const { signal } = scheduler.controller;
      try {
        const workflows = await cache.load({
          key: workflowsKey(id),
          loader: s => allWorkflows({ api, pipelineId: id, signal: s }),
          signal,
        });
        if (!signal.aborted) onResult(id, { workflows });
      } catch (error) {
        if (!signal.aborted && !isAbort(error)) onResult(id, { error: error as Error });
      }
    });
  }
}

/**
 * Loads the workflows of each given pipeline, at most
 * {@link WORKFLOW_CONCURRENCY} requests at once, in the given order, and
 * reports each as it arrives. A pipeline is requested once while the hook
 * stays mounted, except that pipelines with running, queued or on-hold
 * workflows are re-read about every 10 s while the page is visible. Requests
 * still queued or in flight are cancelled on unmount.
 * @public
 */
export function usePipelineWorkflows(options: { pipelineIds: readonly string[] }): {
  /** The workflows of each pipeline loaded so far, by pipeline id. */
  results: ReadonlyMap<string, PipelineWorkflows>;
  /** True while some pipeline has unfinished workflows and is re-read. */
  live: boolean;
  /** When a pipeline's workflows last arrived (ms since epoch). */
  updatedAt?: number;
} {
  const { pipelineIds } = options;
  const { api, cache } = useCircleCI();
  const [results, setResults] = useState<ReadonlyMap<string, PipelineWorkflows>>(
    () => new Map(),
  );
  const scheduler = useRef<Scheduler>();
  const idsKey = pipelineIds.join(',');

  useEffect(() => {
    const current = newScheduler();
    scheduler.current = current;
    setResults(new Map());
    return () => {
      current.controller.abort();
      current.queue.close();
    };
  }, [api, cache]);

  const [updatedAt, setUpdatedAt] = useState<number>();
  const onResult = useCallback((id: string, result: PipelineWorkflows) => {
    setUpdatedAt(Date.now());
    setResults(prev => {
      const next = new Map(prev);
      // On a failed re-read, keep showing the workflows loaded before.
      next.set(id, result.error && prev.get(id)?.workflows ? { ...prev.get(id), ...result } : result);
      return next;
    });
  }, []);

  useEffect(() => {
    const current = scheduler.current;
    if (!current) return;
    schedule({ scheduler: current, ids: idsKey ? idsKey.split(',') : [], api, cache, onResult });
  }, [api, cache, idsKey, onResult]);

  // Only pipelines with unfinished workflows are re-read, about every 10 s,
  // while the page is visible; a failed re-read doubles the wait.
  const pageVisible = usePageVisible();
  const active = [...results.entries()]
    .filter(([, r]) => r.workflows?.some(w => isActiveStatus(normalizeStatus(w.status))))
    .map(([id]) => id)
    .join(',');
  const failures = [...results.values()].filter(r => r.error).length;
  useEffect(() => {
    const current = scheduler.current;
    if (!current || !active || !pageVisible) return undefined;
    const delay = Math.min(120_000, POLL_INTERVAL_MS * 2 ** Math.min(failures, 4));
    const timer = setTimeout(() => {
      const ids = active.split(',');
      for (const id of ids) {
        current.requested.delete(id);
        cache.invalidate(workflowsKey(id));
      }
      schedule({ scheduler: current, ids, api, cache, onResult });
    }, delay);
    return () => clearTimeout(timer);
  }, [active, pageVisible, failures, results, api, cache, onResult]);

  return { results, live: Boolean(active) && pageVisible, updatedAt };
}
