import { useRef, useState } from 'react';
import type { CircleCIApi } from '../../../api/CircleCIApi';
import { isAbortError } from '@circleci-backstage/plugin-circleci-common';
import { processStepOutput, visibleLines } from '../../../domain/stepOutput';
import type { ProcessedStepOutput, StepOutput } from '../../../domain/stepOutput';
import { defineQuery } from '../../../query/defineQuery';
import type { JobHookOptions } from '../../../query/jobQueries';
import { slugKey, stepOutputKey } from '../../../query/keys';
import { type ResourceState, useCircleCIQuery } from '../../../query/useCircleCIQuery';
import { useRefreshWhenSettled } from './useRefreshWhenSettled';

/**
 * What {@link useStepOutput} returns.
 */
export interface StepOutputState extends ResourceState<StepOutput> {
  /**
   * True while the rest of the output is still being downloaded. `value`
   * then holds what has arrived so far: `raw` as received (it may end inside
   * a line) and, in `text`, only its complete lines (see `visibleLines`),
   * so that each update of `text` extends the previous one.
   */
  streaming: boolean;
}

/** Output of a load that is still running (or has just finished), for one key. */
interface Progress {
  key: string;
  output: StepOutput;
  done: boolean;
}

/**
 * Loads the raw output of one step on one container, only while `enabled`
 * (the step is opened). While `live` (the step runs) the output is read
 * again about every 10 s, and once more when the step finishes.
 *
 * A long output is shown while it downloads: the client reports the text
 * received so far (see `getStepOutput`), and only the lines appended since
 * the last report are sanitised. The progress is kept here, keyed like the
 * resource, so another step's text is never shown.
 *
 * The raw output endpoint has no range support: every read returns the
 * full text. So the previous text is kept, and when the new text extends
 * it only the appended suffix is processed; the log viewer likewise only
 * parses what was appended. A re-read shows progress only once it has got
 * past the text already shown.
 */
export function useStepOutput(
  options: JobHookOptions & {
    containerIndex: number;
    stepNumber: number;
    enabled: boolean;
    live: boolean;
  },
): StepOutputState {
  const { projectSlug, jobNumber, containerIndex, stepNumber, enabled, live } = options;
  const keyText = `${slugKey(projectSlug)}:${jobNumber}:${containerIndex}:${stepNumber}`;
  const last = useRef<{ key: string; value: ProcessedStepOutput } | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const load = async (api: CircleCIApi, signal: AbortSignal): Promise<ProcessedStepOutput> => {
    const loadKey = keyText;
    const previousOf = () => (last.current?.key === loadKey ? last.current.value : undefined);
    const onProgress = (partial: string) => {
      const previous = previousOf();
      if (signal.aborted || (previous && partial.length <= previous.raw.length)) return;
      const value = processStepOutput({ raw: partial, previous });
      last.current = { key: loadKey, value };
      if (value.head.length <= (previous?.head.length ?? 0)) return;
      const text = visibleLines(value.head);
      if (text !== '') setProgress({ key: loadKey, output: { raw: value.raw, text }, done: false });
    };
    try {
      const raw = await api.getStepOutput({ projectSlug, jobNumber, containerIndex, stepNumber, signal, onProgress });
      const value = processStepOutput({ raw, previous: previousOf() });
      last.current = { key: loadKey, value };
      // Until the query publishes the value, keep showing it from here.
      setProgress(p => (p?.key === loadKey ? { key: loadKey, output: value, done: true } : p));
      return value;
    } catch (error) {
      if (!isAbortError(error)) setProgress(p => (p?.key === loadKey ? undefined : p));
      throw error;
    }
  };
  // The read reports to this hook's progress, so the query is defined here, with the core's helper.
  const state = useCircleCIQuery<ProcessedStepOutput>({
    query: ({ api }) =>
      enabled
        ? defineQuery({
            queryKey: stepOutputKey({ projectSlug, jobNumber, containerIndex, stepNumber }),
            load: ({ signal }) => load(api, signal),
            isLive: () => live,
          })
        : undefined,
  });
  useRefreshWhenSettled({ live: enabled && live, refresh: state.refresh });
  const partial = enabled && progress?.key === keyText ? progress : undefined;
  const loaded = state.value;
  if (partial && (!loaded || partial.output.raw.length > loaded.raw.length)) {
    return { ...state, value: partial.output, loading: false, streaming: !partial.done };
  }
  return { ...state, streaming: false };
}
