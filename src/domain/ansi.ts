/*
 * Terminal output as CircleCI stores it is full of escape sequences. The
 * log viewer understands only simple SGR colour codes, and everything else
 * (OSC 8 hyperlinks, window titles, cursor movement, device queries, other
 * control characters) must not reach it: an OSC 8 link would otherwise
 * smuggle a hidden URL, and cursor codes would show up as garbage.
 */

/* eslint-disable no-control-regex */

/**
 * One escape sequence or control character that must be dropped or
 * rewritten:
 * 1. OSC (`ESC ]` or C1 `0x9d`) up to BEL or ST; unterminated, up to the end of the line.
 * 2. DCS, SOS, PM, APC strings (`ESC P`, `ESC X`, `ESC ^`, `ESC _`) up to ST or the end of the line.
 * 3. CSI (`ESC [` or C1 `0x9b`): parameters (group 1), intermediates (group 2), final byte (group 3),
 *    except single SGR codes the log viewer understands as they are (`ESC[31m`): skipping those
 *    keeps large logs fast, as they are most of the sequences.
 * 4. An incomplete CSI introducer.
 * 5. Other escapes (`ESC ( B`, `ESC 7`, `ESC =`), and a lone ESC.
 * 6. C0 controls except tab and newline, DEL, and C1 controls.
 */
const SEQUENCE =
  /(?:\u001b\]|\u009d)[^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c\n]*(?:\u001b\\|\u009c)?|(?:\u001b\[(?!(?:[134]|2[234]|3[0-79]|4[0-79]|90)m)|\u009b)([0-?]*)([ -/]*)([@-~])|\u001b\[(?![0-?]*[ -/]*[@-~])|\u001b(?!\[)[ -/]*[0-~]?|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/g;

/** Text overwritten by a carriage return on the same line. */
const OVERWRITTEN = /^(?:[^\n\r]*\r)+(?=[^\n\r])/gm;

/** SGR sequences inside overwritten text, whose colour state still applies. */
const SGR_ONLY = /\u001b\[[0-9;]*m/g;

const RESET = [22, 23, 24, 39, 49];

/** Normalised SGR sequences by their parameters (logs repeat a few). */
const SGR_CACHE = new Map<string, string>();

function basicColour(options: { n: number; base: 30 | 40 }): number | undefined {
  const { n, base } = options;
  if (n >= 0 && n < 8) return base + n;
  if (n === 8) return base === 30 ? 90 : 40;
  if (n > 8 && n < 16) return base + (n - 8);
  return undefined;
}

/**
 * Rewrites the parameters of one SGR sequence into single-code sequences
 * that the log viewer of `@backstage/core-components` understands: it knows
 * each code only on its own (`ESC[1m ESC[31m`, not `ESC[1;31m`) and has no
 * reset, so a reset becomes the codes that turn each attribute off. Bright
 * colours map to their base colour; 256-colour codes below 16 map to the
 * basic colours; other codes (dim, blink, inverse, true colour) are dropped.
 */
function normalizeSgr(params: string): string {
  const codes = params === '' ? [0] : params.split(';').map(p => (p === '' ? 0 : Number(p)));
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) out.push(...RESET);
    else if ([1, 3, 4, 22, 23, 24, 39, 49, 90].includes(code)) out.push(code);
    else if ((code >= 30 && code <= 37) || (code >= 40 && code <= 47)) out.push(code);
    else if (code >= 91 && code <= 97) out.push(code - 60);
    else if (code >= 100 && code <= 107) out.push(code - 60);
    else if (code === 38 || code === 48) {
      const base = code === 38 ? 30 : 40;
      if (codes[i + 1] === 5) {
        const mapped = basicColour({ n: codes[i + 2], base });
        if (mapped !== undefined) out.push(mapped);
        i += 2;
      } else if (codes[i + 1] === 2) {
        i += 4;
      } else {
        break;
      }
    }
  }
  return out.map(c => `\u001b[${c}m`).join('');
}

function replaceSequence(
  _match: string,
  params: string | undefined,
  intermediates: string | undefined,
  final: string | undefined,
): string {
  if (final !== 'm' || intermediates !== '' || params === undefined) return '';
  let sgr = SGR_CACHE.get(params);
  if (sgr === undefined) {
    sgr = /^[0-9;]*$/.test(params) ? normalizeSgr(params) : '';
    if (SGR_CACHE.size < 1000) SGR_CACHE.set(params, sgr);
  }
  return sgr;
}

/**
 * Removes every terminal control sequence except SGR colour codes: OSC
 * sequences (`ESC ] … BEL` or `ESC ] … ESC \`, such as OSC 8 hyperlinks
 * and window titles; the visible link text is kept), DCS/APC strings,
 * non-SGR CSI sequences (cursor movement, erase, private modes), other
 * escapes and control characters (tab and newline are kept). `\r\n`
 * becomes `\n`, and text overwritten by a carriage return (progress bars)
 * is dropped, keeping its colour codes. SGR sequences are normalised by
 * `normalizeSgr` into forms the log viewer applies.
 *
 * The result is plain text for a log viewer that renders text, never HTML.
 * @internal
 */
export function sanitizeLog(text: string): string {
  let out = text;
  if (out.includes('\r')) {
    out = out.replace(/\r+\n/g, '\n');
  }
  if (out.includes('\r')) {
    out = out.replace(OVERWRITTEN, overwritten => (overwritten.match(SGR_ONLY) ?? []).join(''));
  }
  return out.replace(SEQUENCE, replaceSequence);
}
