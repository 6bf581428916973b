/*
 * Scrolling the core-components LogViewer from outside: its props reach
 * neither its list nor its scroll position, so the step log finds its
 * virtualised list (react-window's scroll container, rows of a fixed
 * height) in the DOM and scrolls it. Each scroll is announced with a
 * `scroll` event, which the list itself listens to for the rows it renders.
 */

/** The height of one row of the viewer (its fixed item size). */
export const LOG_ROW_PX = 20;

/** The viewer's scroll container inside `box`, once its rows are rendered. */
export function findLogList(box: HTMLElement): HTMLElement | null {
  let el: HTMLElement | null = box.querySelector<HTMLElement>('a[href^="#line-"]');
  while (el && el !== box) {
    if (el.style.overflow === 'auto') return el;
    el = el.parentElement;
  }
  return null;
}

/** True when the list shows its last row (within a row and a half). */
export function isAtBottom(list: HTMLElement): boolean {
  return list.scrollTop + list.clientHeight >= list.scrollHeight - 1.5 * LOG_ROW_PX;
}

function scrollListTo(list: HTMLElement, top: number): void {
  list.scrollTop = Math.max(0, top);
  list.dispatchEvent(new Event('scroll'));
}

/** Scrolls the list so that line `line` (from 1) is in the middle. */
export function scrollToLine(list: HTMLElement, line: number): void {
  scrollListTo(list, (line - 1) * LOG_ROW_PX - (list.clientHeight - LOG_ROW_PX) / 2);
}

/** Scrolls the list to its end. */
export function scrollToEnd(list: HTMLElement): void {
  scrollListTo(list, list.scrollHeight - list.clientHeight);
}

/** The line-number link of line `line`, when its row is rendered. */
export function lineLink(box: HTMLElement, line: number): HTMLAnchorElement | null {
  return box.querySelector<HTMLAnchorElement>(`a[href="#line-${line}"]`);
}

/**
 * Calls `found` with the value of `find` as soon as it is not null: now, or
 * when the DOM under `root` changes (rows render in a later frame). Returns
 * a function that stops waiting.
 */
export function whenRendered<T>(root: HTMLElement, find: () => T | null, found: (value: T) => void): () => void {
  const now = find();
  if (now !== null) {
    found(now);
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const value = find();
    if (value === null) return;
    observer.disconnect();
    found(value);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
