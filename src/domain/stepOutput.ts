/*
 * Step output text: what is shown of a step's log while it downloads and
 * when it grows, processing each complete line once.
 */
import { sanitizeLog } from './ansi';

/**
 * The output of one step on one container.
 */
export interface StepOutput {
  /** The text exactly as CircleCI returned it (for downloads). */
  raw: string;
  /** The text for display: only SGR colour codes are left (see `sanitizeLog`). */
  text: string;
}

/**
 * A loaded output with what is needed to process only what is appended.
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

