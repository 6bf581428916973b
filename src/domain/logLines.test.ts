import { hasLine, lineOfHash } from './logLines';

describe('lineOfHash', () => {
  it('reads the line of a line link and of the viewer’s selection hash', () => {
    expect(lineOfHash('#line-42')).toEqual({ line: 42, selection: false });
    expect(lineOfHash('#lines-7')).toEqual({ line: 7, selection: true });
    expect(lineOfHash('#lines-7-9,20')).toEqual({ line: 7, selection: true });
  });

  it('ignores other hashes, line 0 and absurd numbers', () => {
    for (const hash of ['', '#', '#line-', '#line-0', '#line-x', '#line-12abc', '#step-3', '#line-123456789']) {
      expect(lineOfHash(hash)).toBeUndefined();
    }
  });
});

describe('hasLine', () => {
  it('is true once the line has arrived', () => {
    expect(hasLine({ text: 'a\nb\n', line: 2 })).toBe(true);
    expect(hasLine({ text: 'a\nb', line: 2 })).toBe(true);
    expect(hasLine({ text: 'a\nb\n', line: 3 })).toBe(false);
    expect(hasLine({ text: 'a\n', line: 2 })).toBe(false);
    expect(hasLine({ text: '', line: 1 })).toBe(false);
    expect(hasLine({ text: 'a', line: 1 })).toBe(true);
  });
});
