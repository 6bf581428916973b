/* eslint-disable no-control-regex */
import { processStepOutput, visibleLines } from './stepOutput';

const ESC = '\u001b';

describe('processStepOutput', () => {
  it('sanitises the whole text on the first read', () => {
    const out = processStepOutput({ raw: `${ESC}]0;title\u0007a\n${ESC}[31mb` });
    expect(out.text).toBe(`a\n${ESC}[31mb`);
    expect(out.raw).toBe(`${ESC}]0;title\u0007a\n${ESC}[31mb`);
  });

  it('processes only the appended lines when the text grows', () => {
    const first = processStepOutput({ raw: 'line 1\nline 2\npart' });
    expect(first.tailStart).toBe('line 1\nline 2\n'.length);
    // The processed head is reused as is: a marked head shows it was not redone.
    const marked = { ...first, head: 'HEAD\n' };
    const second = processStepOutput({ raw: 'line 1\nline 2\npartial\nline 4\n', previous: marked });
    expect(second.text).toBe('HEAD\npartial\nline 4\n');
  });

  it('reprocesses an escape sequence split across two reads', () => {
    const first = processStepOutput({ raw: `ok\n${ESC}]8;;https://x.example` });
    expect(first.text).toBe('ok\n');
    const second = processStepOutput({
      raw: `ok\n${ESC}]8;;https://x.example\u0007link${ESC}]8;;\u0007\n`,
      previous: first,
    });
    expect(second.text).toBe('ok\nlink\n');
  });

  it('starts over when the text was replaced rather than appended', () => {
    const first = processStepOutput({ raw: 'old 1\nold 2\n' });
    const second = processStepOutput({ raw: 'new\n', previous: first });
    expect(second.text).toBe('new\n');
  });
});

describe('visibleLines', () => {
  it('drops the newlines and colour codes that complete lines end with', () => {
    expect(visibleLines(`a\n${ESC}[32mb${ESC}[39m${ESC}[22m\n\n`)).toBe(`a\n${ESC}[32mb`);
    expect(visibleLines('a\nb')).toBe('a\nb');
    expect(visibleLines(`\n${ESC}[1m\n`)).toBe('');
    expect(visibleLines('')).toBe('');
  });
});
