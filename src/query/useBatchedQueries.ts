import { useEffect, useRef, useState } from 'react';
import { QueriesObserver } from '@tanstack/react-query';
import type {
  DefaultError,
  QueryClient,
  QueryKey,
  QueryObserverOptions,
  QueryObserverResult,
} from '@tanstack/react-query';

/** Options of {@link useBatchedQueries}. */
export interface BatchedQueriesOptions<T> {
  /** The plugin's query client. */
  queryClient: QueryClient;
  /** The queries, already defaulted by the client; keep the array's identity while they are the same. */
  queries: QueryObserverOptions<T, DefaultError, T, T, QueryKey>[];
}

interface Observed<T> {
  queries: readonly unknown[];
  results: QueryObserverResult<T>[];
}

/**
 * Observes many queries, like TanStack Query's `useQueries`, but applies
 * their updates at most once per animation frame: twenty answers that
 * arrive together cost one render of the list, not twenty. The results are
 * always those of the queries given, in their order (on the render that
 * changes the queries, TanStack's optimistic results).
 */
export function useBatchedQueries<T>(
  options: BatchedQueriesOptions<T>,
): QueryObserverResult<T, DefaultError>[] {
  const { queryClient } = options;
  // QueriesObserver is typed for queries of unknown data; each result keeps its query's type.
  const queries = options.queries as unknown as QueryObserverOptions[];
  const [observer] = useState(() => new QueriesObserver<QueryObserverResult<T>[]>(queryClient, queries));
  const optimistic = () => observer.getOptimisticResult(queries, undefined)[0] as QueryObserverResult<T>[];
  const [observed, setObserved] = useState<Observed<T>>(() => ({ queries, results: optimistic() }));
  const current = useRef<readonly unknown[]>(queries);
  useEffect(() => {
    current.current = queries;
    observer.setQueries(queries);
    setObserved({ queries, results: observer.getCurrentResult() as QueryObserverResult<T>[] });
  }, [observer, queries]);
  useEffect(() => {
    let frame: number | undefined;
    const unsubscribe = observer.subscribe(() => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        setObserved({ queries: current.current, results: observer.getCurrentResult() as QueryObserverResult<T>[] });
      });
    });
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      unsubscribe();
    };
  }, [observer]);
  return observed.queries === queries ? observed.results : optimistic();
}
