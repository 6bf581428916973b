/*
 * Lines of a step log, as the log viewer numbers them (from 1, one per
 * `\n`-separated line), and the line links of its URL.
 */

/** The highest line number a link may name. */
const MAX_LINE = 10_000_000;

/**
 * The line a log link names: `#line-N` (the line-number links of the log
 * viewer) or the viewer's own selection hash, `#lines-N`, `#lines-N-M` or
 * `#lines-N,M-K` (its first line). Undefined for any other hash.
 * @internal
 */
export function lineOfHash(hash: string): { line: number; selection: boolean } | undefined {
  const match = /^#(lines?)-(\d{1,8})(?:$|[-,])/.exec(hash);
  if (!match) return undefined;
  const line = Number(match[2]);
  if (!Number.isSafeInteger(line) || line < 1 || line > MAX_LINE) return undefined;
  return { line, selection: match[1] === 'lines' };
}

/**
 * True when `text` has a line numbered `line` that is followed by the next
 * one or ends the text. Looks at no more of the text than it needs.
 * @internal
 */
export function hasLine(options: { text: string; line: number }): boolean {
  const { text, line } = options;
  if (text === '') return false;
  let at = -1;
  for (let n = 1; n < line; n++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return false;
  }
  return at + 1 < text.length;
}
