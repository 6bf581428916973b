import { useEffect, useRef, useState } from 'react';
import type { CircleCIApi } from '../api/CircleCIApi';
import type { Workflow } from '../api/types';
import type { ResourceCache } from './resourceCache';
import { TaskQueue } from './taskQueue';
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
  return `workflows:${pipelineId}`;
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
 * stays mounted; requests still queued or in flight are cancelled on unmount.
 * @public
 */
export function usePipelineWorkflows(options: {
  pipelineIds: readonly string[];
}): ReadonlyMap<string, PipelineWorkflows> {
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

  useEffect(() => {
    const current = scheduler.current;
    if (!current) return;
    schedule({
      scheduler: current,
      ids: idsKey ? idsKey.split(',') : [],
      api,
      cache,
      onResult: (id, result) =>
        setResults(prev => {
          const next = new Map(prev);
          next.set(id, result);
          return next;
        }),
    });
  }, [api, cache, idsKey]);

  return results;
}
