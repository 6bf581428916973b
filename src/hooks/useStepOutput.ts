import { useRef, useState } from 'react';
import { sanitizeLog } from '../domain/ansi';
import { JobHookOptions, jobKey, useRefreshWhenSettled } from './useJob';
import { ResourceState, useResource } from './useResource';
import { isAbort } from './useResourceCache';

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
 * What {@link useStepOutput} returns.
 * @public
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

/** An SGR sequence at the end of a text (after `sanitizeLog`, each holds one short code). */
// eslint-disable-next-line no-control-regex
const TRAILING_SGR = /\u001b\[[0-9;]*m$/;

/**
 * The complete lines of a partial output for display, without the newlines
 * and colour codes they end with: the text ends with a visible character.
 * Every later text still starts with it, and the log viewer, which parses
 * the appended text together with the last chunk of the line before it,
 * then copies the appended part instead of keeping a slice of this whole
 * text (a copy of the log per update) alive.
 */
export function visibleLines(head: string): string {
  let end = head.length;
  for (;;) {
    if (end > 0 && head.charCodeAt(end - 1) === 10) {
      end--;
      continue;
    }
    const sgr = TRAILING_SGR.exec(head.slice(Math.max(0, end - 16), end));
    if (!sgr) return head.slice(0, end);
    end -= sgr[0].length;
  }
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
 * @public
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
  const key = enabled
    ? `step-output:${jobKey(options)}${containerIndex}:${stepNumber}:`
    : undefined;
  const last = useRef<{ key: string; value: ProcessedStepOutput } | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const state = useResource<ProcessedStepOutput>({
    key,
    load: async (api, signal) => {
      const loadKey = key!;
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
        const raw = await api.getStepOutput({
          projectSlug,
          jobNumber,
          containerIndex,
          stepNumber,
          signal,
          onProgress,
        });
        const value = processStepOutput({ raw, previous: previousOf() });
        last.current = { key: loadKey, value };
        // Until useResource publishes the value, keep showing it from here.
        setProgress(p => (p?.key === loadKey ? { key: loadKey, output: value, done: true } : p));
        return value;
      } catch (error) {
        if (!isAbort(error)) setProgress(p => (p?.key === loadKey ? undefined : p));
        throw error;
      }
    },
    isLive: () => live,
  });
  useRefreshWhenSettled({ live: enabled && live, refresh: state.refresh });
  const partial = progress?.key === key ? progress : undefined;
  const loaded = state.value;
  if (partial && (!loaded || partial.output.raw.length > loaded.raw.length)) {
    return { ...state, value: partial.output, loading: false, streaming: !partial.done };
  }
  return { ...state, streaming: false };
}
