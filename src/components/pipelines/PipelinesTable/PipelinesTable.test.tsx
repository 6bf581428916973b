/*
 * The pipelines table's text: cells wrap words only at spaces, branch
 * names ellipsise with the full name in a title, and status labels take
 * the table's font size. jsdom does no layout, so the style rules that
 * give this are asserted.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithEntity, setupFakeCircleCI } from '../../../__testUtils__/setup';
import { TabRoutes } from '../../tab/TabRoutes';

jest.setTimeout(30_000);
const ctx = setupFakeCircleCI();

/** A rough CSS specificity: ids, then classes, attributes and pseudo-classes, then elements. */
function specificity(selector: string): number {
  const ids = (selector.match(/#[\w-]+/g) ?? []).length;
  const classes = (selector.match(/\.[\w-]+|\[[^\]]+\]|:(?!:)[\w-]+/g) ?? []).length;
  const elements = (selector.replace(/[#.:[][^\s>+~]*/g, ' ').match(/[a-z][\w-]*/gi) ?? []).length;
  return ids * 10_000 + classes * 100 + elements;
}

/**
 * The value of a property that the style sheets give an element: of the
 * matching rules, the most specific, and among those the last one in
 * document order. (jsdom's getComputedStyle takes the sheets in the order
 * they were added, while JSS inserts each sheet at its place.)
 */
function cascaded(element: Element, property: string): string | undefined {
  let best: { value: string; weight: number } | undefined;
  for (const node of [...document.querySelectorAll('style')]) {
    const rules = node.sheet?.cssRules;
    if (!rules) continue;
    for (const rule of [...rules]) {
      if (!(rule instanceof CSSStyleRule)) continue;
      const value = rule.style.getPropertyValue(property);
      if (!value) continue;
      for (const selector of rule.selectorText.split(',')) {
        let matches = false;
        try {
          matches = element.matches(selector);
        } catch {
          matches = false;
        }
        const weight = specificity(selector);
        if (matches && (!best || weight >= best.weight)) best = { value, weight };
      }
    }
  }
  return best?.value;
}

async function renderTable() {
  await renderWithEntity({ element: <TabRoutes />, slug: ctx.fake.demo.slugs.rocket });
  await screen.findAllByText(/^#\d+$/);
  await waitFor(() => expect(screen.queryAllByText('Loading workflows…')).toHaveLength(0), {
    timeout: 5000,
  });
  return screen.getByRole('table', { name: 'Pipelines' });
}

describe('the pipelines table text', () => {
  it('never breaks a word in the middle: cells wrap at spaces only', async () => {
    const table = await renderTable();
    const cells = within(table).getAllByRole('cell');
    expect(cells.length).toBeGreaterThan(20);
    for (const cell of [...cells, ...within(table).getAllByRole('columnheader')]) {
      // Backstage's theme says `word-break: break-word` for every table cell.
      expect(cascaded(cell, 'word-break')).toBe('normal');
      expect(cascaded(cell, 'overflow-wrap')).toBe('normal');
    }
  });

  it('keeps times and durations whole: they wrap only at spaces, onto two lines at most', async () => {
    const table = await renderTable();
    const started = within(table).getAllByText(/ ago$/);
    expect(started.length).toBeGreaterThan(0);
    const durations = within(table).getAllByText(/^\d+[hms]( \d+[ms])?( so far)?$/);
    expect(durations.length).toBeGreaterThan(0);
    for (const time of [...started, ...durations]) {
      // Wide enough for "30 minutes" or "30m 49s" on a line ("30 minutes / ago").
      expect(time).toHaveStyle({ display: 'inline-block', minWidth: '5.5rem' });
      expect(cascaded(time.closest('td')!, 'word-break')).toBe('normal');
    }
  });

  it('clamps the commit subject to two lines, with all of it in a title', async () => {
    const table = await renderTable();
    const subjects = within(table).getAllByTestId('pipeline-subject');
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) expect(subject).toHaveStyle({ overflow: 'hidden', webkitLineClamp: '2' });
    const withText = subjects.filter(subject => subject.textContent !== '(no commit message)');
    expect(withText.length).toBeGreaterThan(0);
    expect(withText.map(subject => subject.getAttribute('title'))).toEqual(withText.map(subject => subject.textContent));
  });

  it('scrolls sideways inside its paper where the columns cannot fit', async () => {
    const table = await renderTable();
    expect(table.parentElement).toHaveStyle({ overflowX: 'auto' });
    expect(table.parentElement!.closest('.MuiPaper-root')).not.toBeNull();
  });

  it('ellipsises branch names and shows the full name in a title', async () => {
    const table = await renderTable();
    const refs = within(table).getAllByTestId('pipeline-ref');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref).toHaveStyle({ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' });
      expect(ref.style.maxWidth).not.toBe('');
      expect(ref).toHaveAttribute('title', ref.textContent);
    }
    expect(refs.map(r => r.textContent)).toContain('feature/login');
  });

  it('gives status labels the font size of the table text', async () => {
    const table = await renderTable();
    const labels = within(table).getAllByText('Success');
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      // The core-components status is a Typography; body1 would make it larger than the cell's body2.
      expect(label.className).toMatch(/MuiTypography-root/);
      expect(label.className).not.toMatch(/MuiTypography-body1/);
      expect(getComputedStyle(label).fontSize).not.toBe('1rem');
    }
  });
});
