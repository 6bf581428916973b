import { english } from '../__testUtils__/english';
import { filterCoverage } from './filterCoverage';

describe('filterCoverage', () => {
  it('says nothing for everyone\'s pipelines without a filter', () => {
    expect(filterCoverage({ shown: 20, count: 20 })).toBeUndefined();
  });

  it('words each combination of filters as one whole sentence', () => {
    expect(english(filterCoverage({ shown: 3, count: 60, status: 'failed' }))).toBe(
      '3 failed pipelines among the last 60 loaded',
    );
    expect(english(filterCoverage({ shown: 2, count: 20, workflow: 'build', actor: 'ana' }))).toBe(
      '2 pipelines with workflow build triggered by ana among the last 20 loaded',
    );
    expect(english(filterCoverage({ shown: 1, count: 20, status: 'success', workflow: 'b*', actor: 'ana' }))).toBe(
      '1 success pipeline with workflow b* triggered by ana among the last 20 loaded',
    );
  });

  it("counts the user's own pipelines, and filters their branch", () => {
    expect(english(filterCoverage({ shown: 20, count: 20, mine: true }))).toBe('Only your pipelines: the last 20');
    expect(english(filterCoverage({ shown: 4, count: 20, mine: true, branch: 'main' }))).toBe(
      '4 of your pipelines on branch main among your last 20',
    );
    expect(
      english(filterCoverage({ shown: 1, count: 20, mine: true, status: 'failed', workflow: 'deploy', branch: 'main' })),
    ).toBe('1 of your failed pipelines with workflow deploy on branch main among your last 20');
  });

  it('gives the status as a message, so the app words it too', () => {
    expect(filterCoverage({ shown: 3, count: 60, status: 'failed' })).toEqual({
      key: 'coverage.status',
      params: { count: 3, loaded: 60, status: { key: 'statusText.failed' } },
    });
  });
});
