import { useCallback, useEffect, useRef, useState } from 'react';
import { ResponseError } from '@backstage/errors';
import type { CircleCIApi } from '../api/CircleCIApi';
import { LegacyProxyTargetError } from '../api/errors';
import type { ProjectSlug } from '../domain/slug';
import type { Page, Pipeline } from '../api/types';
import { workflowsKey } from './usePipelineWorkflows';
import { isAbort, useCircleCI } from './useResourceCache';

/**
 * The state of a project's pipeline list.
 * @public
 */
export interface PipelinesState {
  /** The pipelines loaded so far, newest first. */
  pipelines: Pipeline[];
  /** True while the first page, or a further page, is loading. */
  loading: boolean;
  /** The error of the last load, if it failed. */
  error?: Error;
  /** True when CircleCI has further pages. */
  hasMore: boolean;
  /** Loads the next page. */
  loadMore: () => void;
  /** Loads again from the first page, bypassing the cache (workflows too). */
  refresh: () => void;
}

/**
 * A 404 for the project can also mean that the proxy targets the legacy
 * v1.1 API. `v2/me` tells them apart: it exists on every v2 target.
 */
async function firstPage(options: {
  api: CircleCIApi;
  projectSlug: ProjectSlug;
  branch?: string;
  signal: AbortSignal;
}): Promise<Page<Pipeline>> {
  const { api, projectSlug, branch, signal } = options;
  try {
    return await api.listPipelines({ projectSlug, branch, signal });
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404) {
      const meError = await api.getMe({ signal }).then(
        () => undefined,
        e => e,
      );
      if (meError instanceof ResponseError && meError.statusCode === 404) {
        throw new LegacyProxyTargetError();
      }
    }
    throw error;
  }
}

interface Loaded {
  key: string;
  pages: Page<Pipeline>[];
  loading: boolean;
  error?: Error;
}

/**
 * Loads a project's pipelines page by page (20 a page), optionally for one
 * branch. Changing the project or branch starts over, never showing the
 * previous project's data; a page loaded less than 30 s ago is shown at once.
 * @public
 */
export function usePipelines(options: {
  projectSlug: ProjectSlug;
  branch?: string;
  /**
   * Called with each page as soon as it arrives, before it renders: lets
   * the caller start dependent requests (workflows) without waiting for the
   * render of the rows.
   */
  onPage?: (page: Page<Pipeline>) => void;
}): PipelinesState {
  const { projectSlug, branch } = options;
  const onPage = useRef(options.onPage);
  onPage.current = options.onPage;
  const { api, cache } = useCircleCI();
  const key = `pipelines:${projectSlug.slug}:${branch ?? ''}`;
  const [loaded, setLoaded] = useState<Loaded>({ key, pages: [], loading: true });
  const [generation, setGeneration] = useState(0);
  const more = useRef<AbortController>();

  useEffect(() => {
    const controller = new AbortController();
    const pageKey = `${key}:first`;
    const cached = cache.peek<Page<Pipeline>>(pageKey);
    if (cached?.fresh) {
      setLoaded({ key, pages: [cached.value], loading: false });
      return undefined;
    }
    setLoaded({ key, pages: cached ? [cached.value] : [], loading: true });
    cache
      .load({
        key: pageKey,
        loader: signal => firstPage({ api, projectSlug, branch, signal }),
        signal: controller.signal,
      })
      .then(
        page => {
          onPage.current?.(page);
          setLoaded({ key, pages: [page], loading: false });
        },
        error => {
          if (!isAbort(error)) setLoaded({ key, pages: [], loading: false, error });
        },
      );
    return () => {
      controller.abort();
      more.current?.abort();
    };
  }, [api, cache, key, projectSlug, branch, generation]);

  const current = loaded.key === key ? loaded : { key, pages: [], loading: true };
  const token = current.pages[current.pages.length - 1]?.nextPageToken;

  const loadMore = useCallback(() => {
    if (!token || current.loading) return;
    const controller = new AbortController();
    more.current = controller;
    setLoaded(s => (s.key === key ? { ...s, loading: true, error: undefined } : s));
    cache
      .load({
        key: `${key}:${token}`,
        loader: signal => api.listPipelines({ projectSlug, branch, pageToken: token, signal }),
        signal: controller.signal,
      })
      .then(
        page => {
          onPage.current?.(page);
          setLoaded(s =>
            s.key === key ? { key, pages: [...s.pages, page], loading: false } : s,
          );
        },
        error => {
          if (!isAbort(error)) {
            setLoaded(s => (s.key === key ? { ...s, loading: false, error } : s));
          }
        },
      );
  }, [api, cache, key, projectSlug, branch, token, current.loading]);

  const refresh = useCallback(() => {
    cache.invalidate(key);
    cache.invalidate(workflowsKey(''));
    setGeneration(g => g + 1);
  }, [cache, key]);

  return {
    pipelines: current.pages.flatMap(p => p.items),
    loading: current.loading,
    error: current.error,
    hasMore: Boolean(token),
    loadMore,
    refresh,
  };
}
