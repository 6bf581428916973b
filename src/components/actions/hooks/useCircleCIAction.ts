import { useCallback, useRef } from 'react';
import { useAnalytics } from '@backstage/core-plugin-api';
import { describeError } from '../../../domain/errors';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { CircleCIApi } from '../../../api/CircleCIApi';
import type { CircleCIAction } from '../../../domain/actions';
import { useCircleCIQueryClient } from '../../../query/useCircleCIQueryClient';
import { useActingEntityRef } from './useActingEntityRef';

/** What an action is sent through, besides its own target. */
export interface ActionContext {
  /**
   * The catalog entity the user acts through (`component:default/rocket`),
   * for the action's `entityRef`: the backend plugin authorizes the POST
   * against it.
   */
  entityRef: string;
}

/** Options of {@link useCircleCIAction}. */
export interface CircleCIActionOptions<TResult> {
  /** Which action this is, for analytics and messages. */
  action: CircleCIAction;
  /** The project's slug, for analytics. */
  project: string;
  /** The workflow's id, for analytics (the job's workflow for job actions). */
  workflow?: string;
  /** Sends the one POST, naming the entity of `context`. */
  run: (api: CircleCIApi, context: ActionContext) => Promise<TResult>;
  /** Shows the effect: invalidates only what the action changed. */
  onDone?: (options: { result: TResult; queryClient: QueryClient }) => void;
}

/** What {@link useCircleCIAction} returns. */
export interface CircleCIActionState<TResult> {
  /** Sends the action, unless it is already pending (double clicks send one POST). */
  start: () => void;
  /** True while the POST is pending. */
  pending: boolean;
  /** The failure of the last attempt. */
  error?: Error;
  /** The answer of the last successful attempt. */
  result?: TResult;
  /** True once an attempt succeeded. */
  done: boolean;
  /** Forgets the last outcome (e.g. to dismiss an error). */
  reset: () => void;
}

/**
 * One action on CircleCI as a mutation of the plugin's query client: at
 * most one POST at a time (a click while one is pending does nothing; the
 * transport never retries POSTs), and every click and outcome is reported
 * through Backstage analytics with the action, project and workflow, the
 * only record of who clicked in proxy mode, as CircleCI sees only the
 * token's user. The POST names the page's entity (for the backend plugin's
 * permission check and audit event).
 */
export function useCircleCIAction<TResult>(
  options: CircleCIActionOptions<TResult>,
): CircleCIActionState<TResult> {
  const { api, queryClient } = useCircleCIQueryClient();
  const analytics = useAnalytics();
  const entityRef = useActingEntityRef();
  const latest = useRef(options);
  latest.current = options;
  const inFlight = useRef(false);
  const attributesOf = () => {
    const { action, project, workflow } = latest.current;
    return { action, project, ...(workflow ? { workflow } : {}) };
  };
  // Outcomes are handled on the mutation itself, so the cache is updated
  // even when the control unmounted meanwhile.
  const mutation = useMutation<TResult, Error, void>(
    {
      retry: false,
      mutationFn: () => latest.current.run(api, { entityRef }),
      onSuccess: result => {
        analytics.captureEvent('circleci-action-succeeded', latest.current.action, {
          attributes: attributesOf(),
        });
        latest.current.onDone?.({ result, queryClient });
      },
      onError: error => {
        // The kind of failure (rate-limited, forbidden, …), never an HTTP code.
        analytics.captureEvent('circleci-action-failed', latest.current.action, {
          attributes: { ...attributesOf(), error: describeError(error).kind },
        });
      },
      onSettled: () => {
        inFlight.current = false;
      },
    },
    queryClient,
  );
  const { mutate, reset } = mutation;
  const start = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    analytics.captureEvent('circleci-action', latest.current.action, {
      attributes: attributesOf(),
    });
    mutate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [analytics, mutate]);
  return {
    start,
    pending: mutation.isPending,
    error: mutation.error ?? undefined,
    result: mutation.data,
    done: mutation.isSuccess,
    reset,
  };
}
