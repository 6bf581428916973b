/*
 * The core-components LogViewer has three accessibility defects that its
 * props cannot reach: each line-number link has `role="row"` with no grid
 * around it and no cells inside, and its search buttons (previous, next,
 * filter) and per-line copy button have no accessible name. Until it is
 * fixed upstream, the step log repairs its markup as rows are rendered
 * (the list is virtualised, so rows come and go while scrolling).
 */

/** The accessible names that the repair gives (the app's translations). */
export interface LogViewerLabels {
  /** The per-line copy button. */
  copy: string;
  /** The search's filter button. */
  filter: string;
  /** The search's "previous result" button. */
  previous: string;
  /** The search's "next result" button. */
  next: string;
  /** A line-number link, from its number. */
  line: (number: string) => string;
}

/** The English names, used when no labels are given. */
export const ENGLISH_LOG_VIEWER_LABELS: LogViewerLabels = {
  copy: 'Copy the selected lines',
  filter: 'Show only matching lines',
  previous: 'Previous search result',
  next: 'Next search result',
  line: number => `Line ${number}`,
};

/** Names for the viewer's unnamed icon buttons, found by their neighbours. */
function nameOf(button: HTMLElement, labels: LogViewerLabels): string | undefined {
  if (button.matches('[data-testid="copy-button"]')) return labels.copy;
  const before = button.previousElementSibling;
  const after = button.nextElementSibling;
  if (before?.querySelector('input')) return labels.filter;
  if (after?.tagName === 'P') return labels.previous;
  if (before?.tagName === 'P') return labels.next;
  return undefined;
}

/** Repairs what is inside `root` now. */
function repair(root: HTMLElement, labels: LogViewerLabels): void {
  root.querySelectorAll<HTMLElement>('a[role="row"]').forEach(link => {
    link.removeAttribute('role');
    if (!link.hasAttribute('aria-label')) link.setAttribute('aria-label', labels.line(link.textContent ?? ''));
  });
  root.querySelectorAll<HTMLElement>('button:not([aria-label])').forEach(button => {
    const name = nameOf(button, labels);
    if (name) button.setAttribute('aria-label', name);
  });
}

/**
 * Repairs the LogViewer markup inside `root`, now and whenever rows are
 * added, naming things with `labels` (English by default). Returns a
 * function that stops watching.
 */
export function repairLogViewerAria(
  root: HTMLElement,
  labels: LogViewerLabels = ENGLISH_LOG_VIEWER_LABELS,
): () => void {
  repair(root, labels);
  const observer = new MutationObserver(() => repair(root, labels));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
