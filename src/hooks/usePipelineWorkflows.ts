import { useCallback, useEffect, useRef, useState } from 'react';
import type { CircleCIApi } from '../api/CircleCIApi';
import type { Workflow } from '../api/types';
import type { ResourceCache } from './resourceCache';
import { TaskQueue } from './taskQueue';
import { usePageVisible } from './usePageVisible';
import { pollGroups, usePoll } from './usePoll';
import { useRefreshOnReturn } from './useRefreshOnReturn';
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

/**
 * At most this many workflow requests are in flight at once: twice the
 * browser's 6 connections per host. The browser holds the extra ones and
 * sends each the moment a connection frees, without waiting for the page's
 * main thread, which may be busy rendering the answers before.
 */
export const WORKFLOW_CONCURRENCY = 12;
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
 * stays mounted, except that, while the page is visible, pipelines with
 * running or queued workflows are re-read about every 10 s, and pipelines
 * whose only unfinished work waits for an approval (on hold) are re-read
 * when the user returns to the page (see {@link useRefreshOnReturn}), not
 * on a timer. Requests still queued or in flight are cancelled on unmount.
 * @public
 */
export function usePipelineWorkflows(options: { pipelineIds: readonly string[] }): {
  /** The workflows of each pipeline loaded so far, by pipeline id. */
  results: ReadonlyMap<string, PipelineWorkflows>;
  /** True while some pipeline has running or queued workflows, re-read on a timer. */
  live: boolean;
  /** When a pipeline's workflows last arrived (ms since epoch). */
  updatedAt?: number;
  /**
   * Requests these pipelines' workflows now, ahead of the render that will
   * pass them in `pipelineIds`; they are not requested twice.
   */
  request: (ids: readonly string[]) => void;
} {
  const { pipelineIds } = options;
  const { api, cache } = useCircleCI();
  const [results, setResults] = useState<ReadonlyMap<string, PipelineWorkflows>>(
    () => new Map(),
  );
  const scheduler = useRef<Scheduler>();
  const idsKey = pipelineIds.join(',');

  useEffect(() => {
    scheduler.current = newScheduler();
    setResults(new Map());
    return () => {
      scheduler.current?.controller.abort();
      scheduler.current?.queue.close();
    };
  }, [api, cache]);

  // Results are applied once per animation frame, not once per response:
  // 20 responses arriving together cost one render of the table, not 20.
  const [updatedAt, setUpdatedAt] = useState<number>();
  const pending = useRef(new Map<string, PipelineWorkflows>());
  const frame = useRef<number>();
  useEffect(() => () => cancelAnimationFrame(frame.current ?? 0), []);
  const onResult = useCallback((id: string, result: PipelineWorkflows) => {
    pending.current.set(id, result);
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      const batch = pending.current;
      pending.current = new Map();
      setUpdatedAt(Date.now());
      setResults(prev => {
        const next = new Map(prev);
        for (const [key, value] of batch) {
          // On a failed re-read, keep showing the workflows loaded before.
          const before = prev.get(key)?.workflows;
          next.set(key, value.error && before ? { workflows: before, error: value.error } : value);
        }
        return next;
      });
    });
  }, []);

  const pageVisible = usePageVisible();
  useEffect(() => {
    const current = scheduler.current;
    if (!current || !pageVisible) return;
    schedule({ scheduler: current, ids: idsKey ? idsKey.split(',') : [], api, cache, onResult });
  }, [api, cache, idsKey, onResult, pageVisible]);

  // While the page is hidden nothing is sent: requests in flight (and their
  // retries) are cancelled, and whatever had no answer yet is asked for again
  // when the page is shown.
  useEffect(() => {
    const current = scheduler.current;
    if (pageVisible || !current) return;
    current.controller.abort();
    current.queue.close();
    const next = newScheduler();
    for (const id of current.requested) {
      if (results.has(id)) next.requested.add(id);
    }
    scheduler.current = next;
    // Only the visibility change matters here, not each new result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageVisible]);
  const { fast, slow } = pollGroups(results);
  const failures = [...results.values()].filter(r => r.error).length;
  const reread = useCallback(
    (ids: string) => {
      const current = scheduler.current;
      if (!current) return;
      for (const id of ids.split(',')) {
        current.requested.delete(id);
        cache.invalidate(workflowsKey(id));
      }
      schedule({ scheduler: current, ids: ids.split(','), api, cache, onResult });
    },
    [api, cache, onResult],
  );
  usePoll({ ids: fast, everyMs: POLL_INTERVAL_MS, failures, enabled: pageVisible, run: reread });
  useRefreshOnReturn({ ids: slow, run: reread });
  const request = useCallback(
    (ids: readonly string[]) => {
      const current = scheduler.current;
      if (!current || document.visibilityState === 'hidden') return;
      schedule({ scheduler: current, ids, api, cache, onResult });
    },
    [api, cache, onResult],
  );

  return { results, live: Boolean(fast) && pageVisible, updatedAt, request };
}
