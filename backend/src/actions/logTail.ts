/*
 * The end of a step's log, bounded: the last `lines` lines, ANSI escapes
 * and carriage-return overwrites removed, each line cut to a width, and at
 * most `maxBytes` bytes in all. The log is scanned backwards from its end,
 * so a 200,000-line log costs the lines kept, never a split of the whole.
 */

/** The widest line kept, in characters. */
export const MAX_LINE_CHARS = 400;

// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ESC \`) and two-character escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** One line as a terminal shows it: escapes gone, only what the last `\r` left, no other control characters. */
export function cleanLine(line: string): string {
  let text = line.replace(ANSI, '');
  const cr = text.lastIndexOf('\r', text.length - 2);
  if (cr >= 0) text = text.slice(cr + 1);
  text = text.replace(CONTROL, '');
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS - 1)}…` : text;
}

/** The kept end of a log. */
export interface LogTail {
  /** The last lines, oldest first, cleaned. */
  lines: string[];
  /** Whether earlier lines were left out. */
  truncated: boolean;
  /** The bytes (UTF-8) of the kept lines, with their newlines. */
  bytes: number;
}

/** The last `lines` lines of `log`, at most `maxBytes` bytes (a trailing newline and blank end lines do not count as lines). */
export function tailOf(options: { log: string; lines: number; maxBytes: number }): LogTail {
  const { log, maxBytes } = options;
  const kept: string[] = [];
  let bytes = 0;
  let end = log.length;
  while (end > 0 && (log[end - 1] === '\n' || log[end - 1] === '\r')) end -= 1;
  while (end > 0 && kept.length < options.lines) {
    const start = log.lastIndexOf('\n', end - 1) + 1;
    // A line longer than any kept line is cut before cleaning (a single 20 MB line costs no more).
    const line = cleanLine(log.slice(start, Math.min(end, start + 16 * MAX_LINE_CHARS)));
    const size = Buffer.byteLength(line, 'utf8') + 1;
    if (bytes + size > maxBytes) break;
    kept.push(line);
    bytes += size;
    end = start - 1;
  }
  kept.reverse();
  return { lines: kept, truncated: end > 0, bytes };
}
