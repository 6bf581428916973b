import { useRef } from 'react';
import { sanitizeLog } from '../lib/ansi';
import { JobHookOptions, jobKey, useRefreshWhenSettled } from './useJob';
import { ResourceState, useResource } from './useResource';

/**
 * The output of one step on one container.
 * @public
 */
export interface StepOutput {
  /** The text exactly as CircleCI returned it (for downloads). */
  raw: string;
  /** The text for display: only SGR colour codes are left (see `sanitizeLog`). */
  text: string;
}

/**
 * A loaded output with what is needed to process only what is appended.
 * @public
 */
export interface ProcessedStepOutput extends StepOutput {
  /** Where the last, possibly incomplete, line of `raw` starts. */
  tailStart: number;
  /** `sanitizeLog(raw.slice(0, tailStart))`. */
  head: string;
}

/**
 * Sanitises a step's output, reusing the work done for `previous` when the
 * new text only appends to it. Complete lines are processed once; the last
 * line (which may end inside an escape sequence, or be overwritten by a
 * carriage return) is processed again with whatever follows it.
 */
export function processStepOutput(options: { raw: string; previous?: ProcessedStepOutput }): ProcessedStepOutput {
  const { raw, previous } = options;
  const tailStart = raw.lastIndexOf('\n') + 1;
  const appended =
    previous !== undefined &&
    raw.length >= previous.raw.length &&
    tailStart >= previous.tailStart &&
    raw.startsWith(previous.raw);
  const head = appended
    ? previous.head + sanitizeLog(raw.slice(previous.tailStart, tailStart))
    : sanitizeLog(raw.slice(0, tailStart));
  return { raw, tailStart, head, text: head + sanitizeLog(raw.slice(tailStart)) };
}

/**
 * Loads the raw output of one step on one container, only while `enabled`
 * (the step is opened). While `live` (the step runs) the output is read
 * again about every 10 s, and once more when the step finishes.
 *
 * The raw output endpoint has no range support: every read returns the
 * full text. So the previous text is kept, and when the new text extends
 * it only the appended suffix is processed; the log viewer likewise only
 * parses what was appended.
 * @public
 */
export function useStepOutput(
  options: JobHookOptions & {
    containerIndex: number;
    stepNumber: number;
    enabled: boolean;
    live: boolean;
  },
): ResourceState<StepOutput> {
  const { projectSlug, jobNumber, containerIndex, stepNumber, enabled, live } = options;
  const key = enabled
    ? `step-output:${jobKey(options)}${containerIndex}:${stepNumber}:`
    : undefined;
  const last = useRef<{ key: string; value: ProcessedStepOutput } | undefined>(undefined);
  const state = useResource<ProcessedStepOutput>({
    key,
    load: async (api, signal) => {
      const raw = await api.getStepOutput({
        projectSlug,
        jobNumber,
        containerIndex,
        stepNumber,
        signal,
      });
      const kept = last.current;
      const previous = kept && kept.key === key ? kept.value : undefined;
      const value = processStepOutput({ raw, previous });
      last.current = { key: key!, value };
      return value;
    },
    isLive: () => live,
  });
  useRefreshWhenSettled({ live: enabled && live, refresh: state.refresh });
  return state;
}
