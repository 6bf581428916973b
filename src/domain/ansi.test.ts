/* eslint-disable no-control-regex */
import { sanitizeLog } from './ansi';

const ESC = '\u001b';

describe('sanitizeLog', () => {
  it('keeps plain text, tabs and newlines', () => {
    expect(sanitizeLog('a\tb\nc\n')).toBe('a\tb\nc\n');
  });

  it('keeps simple SGR colour codes', () => {
    expect(sanitizeLog(`${ESC}[31mred${ESC}[39m`)).toBe(`${ESC}[31mred${ESC}[39m`);
  });

  it('splits combined SGR codes and expands resets for the log viewer', () => {
    expect(sanitizeLog(`${ESC}[1;31mx`)).toBe(`${ESC}[1m${ESC}[31mx`);
    expect(sanitizeLog(`${ESC}[0m`)).toBe(`${ESC}[22m${ESC}[23m${ESC}[24m${ESC}[39m${ESC}[49m`);
    expect(sanitizeLog(`${ESC}[m`)).toBe(sanitizeLog(`${ESC}[0m`));
    expect(sanitizeLog(`${ESC}[92mok`)).toBe(`${ESC}[32mok`);
    expect(sanitizeLog(`${ESC}[38;5;1mA${ESC}[38;5;200mB${ESC}[38;2;1;2;3mC`)).toBe(`${ESC}[31mABC`);
    expect(sanitizeLog(`${ESC}[2;5;7mdim`)).toBe('dim');
  });

  it('drops OSC 8 hyperlinks but keeps their visible text', () => {
    const link = `${ESC}]8;;javascript:alert(1)\u0007click${ESC}]8;;\u0007`;
    expect(sanitizeLog(link)).toBe('click');
    const st = `${ESC}]8;;https://evil.example${ESC}\\here${ESC}]8;;${ESC}\\`;
    expect(sanitizeLog(st)).toBe('here');
  });

  it('drops window titles and other OSC sequences', () => {
    expect(sanitizeLog(`${ESC}]0;my title\u0007text`)).toBe('text');
    expect(sanitizeLog(`${ESC}]2;t${ESC}\\text`)).toBe('text');
    expect(sanitizeLog(`\u009d0;t\u0007text`)).toBe('text');
  });

  it('ends an unterminated OSC at the end of the line', () => {
    expect(sanitizeLog(`${ESC}]0;no end\nnext line`)).toBe('\nnext line');
  });

  it('drops non-SGR CSI sequences and private modes', () => {
    expect(sanitizeLog(`${ESC}[2K${ESC}[1A${ESC}[?25l${ESC}[10;20Hx${ESC}[6n`)).toBe('x');
    expect(sanitizeLog(`\u009b2J\u009b31mx`)).toBe(`${ESC}[31mx`);
    expect(sanitizeLog(`${ESC}[1:2mx`)).toBe('x');
  });

  it('drops DCS/APC strings, bare escapes and control characters', () => {
    expect(sanitizeLog(`${ESC}Pq#0${ESC}\\a${ESC}_apc${ESC}\\b`)).toBe('ab');
    expect(sanitizeLog(`${ESC}(B${ESC}7${ESC}=c\u0000\u0007\u0008\u007f\u0085d`)).toBe('cd');
  });

  it('normalises CRLF and drops text overwritten by carriage returns', () => {
    expect(sanitizeLog('a\r\nb\r\r\n')).toBe('a\nb\n');
    expect(sanitizeLog('10%\r50%\r100%\ndone')).toBe('100%\ndone');
    expect(sanitizeLog(`${ESC}[32m10%\r100%`)).toBe(`${ESC}[32m100%`);
    expect(sanitizeLog('partial\r')).toBe('partial');
  });

  it('leaves HTML as text', () => {
    expect(sanitizeLog('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('handles the ANSI soup of the demo data', () => {
    const soup = `${ESC}[31mred${ESC}[0m ${ESC}]8;;javascript:alert(1)\u0007click${ESC}]8;;\u0007 ${ESC}]0;title\u0007 ${ESC}[1;4;5mbold${ESC}[m done`;
    const out = sanitizeLog(soup);
    expect(out).not.toMatch(/\u001b\]/);
    expect(out).not.toContain('javascript');
    expect(out).not.toContain('title');
    expect(out.replace(/\u001b\[[0-9]+m/g, '')).toBe('red click  bold done');
    expect(out).toContain(`${ESC}[31mred`);
    expect(out).toContain(`${ESC}[1m${ESC}[4mbold`);
  });

  it('is fast on large logs', () => {
    const line = `${ESC}[32m✓${ESC}[0m test ${ESC}]8;;https://x.example\u0007link${ESC}]8;;\u0007 passed\r\n`;
    const text = line.repeat(200_000);
    const start = Date.now();
    const out = sanitizeLog(text);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(out.split('\n')).toHaveLength(200_001);
  });
});
