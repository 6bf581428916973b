/*
 * The core-components LogViewer has three accessibility defects that its
 * props cannot reach: each line-number link has `role="row"` with no grid
 * around it and no cells inside, and its search buttons (previous, next,
 * filter) and per-line copy button have no accessible name. Until it is
 * fixed upstream, the step log repairs its markup as rows are rendered
 * (the list is virtualised, so rows come and go while scrolling).
 */

/** Names for the viewer's unnamed icon buttons, found by their neighbours. */
function nameOf(button: HTMLElement): string | undefined {
  if (button.matches('[data-testid="copy-button"]')) return 'Copy the selected lines';
  const before = button.previousElementSibling;
  const after = button.nextElementSibling;
  if (before?.querySelector('input')) return 'Show only matching lines';
  if (after?.tagName === 'P') return 'Previous search result';
  if (before?.tagName === 'P') return 'Next search result';
  return undefined;
}

/** Repairs what is inside `root` now. */
function repair(root: HTMLElement): void {
  root.querySelectorAll<HTMLElement>('a[role="row"]').forEach(link => {
    link.removeAttribute('role');
    if (!link.hasAttribute('aria-label')) link.setAttribute('aria-label', `Line ${link.textContent ?? ''}`);
  });
  root.querySelectorAll<HTMLElement>('button:not([aria-label])').forEach(button => {
    const name = nameOf(button);
    if (name) button.setAttribute('aria-label', name);
  });
}

/**
 * Repairs the LogViewer markup inside `root`, now and whenever rows are
 * added. Returns a function that stops watching.
 */
export function repairLogViewerAria(root: HTMLElement): () => void {
  repair(root);
  const observer = new MutationObserver(() => repair(root));
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
