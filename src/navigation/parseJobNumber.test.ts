import { parseJobNumber } from './parseJobNumber';

describe('parseJobNumber', () => {
  it.each([
    ['42', 42],
    ['0', 0],
    ['007', 7],
  ])('reads %j as %j', (segment, expected) => {
    expect(parseJobNumber(segment)).toBe(expected);
  });

  it.each(['', '-1', '1.5', '1e3', ' 4', 'abc', '99999999999999999999'])('refuses %j', segment => {
    expect(parseJobNumber(segment)).toBeUndefined();
  });
});
