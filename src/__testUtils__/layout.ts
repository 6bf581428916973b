/*
 * jsdom has no layout: every element measures 0 × 0, so the log viewer's
 * AutoSizer renders nothing. This gives elements marked with the test id
 * of the step log box a fixed size, for the tests of the calling file, and
 * the viewer's scrolling list inside it the client and scroll heights its
 * styles give it (react-window sets both) and a browser's scroll events,
 * so that scrolling it works.
 */

/** The test ids of elements that get a size. */
const SIZED = new Set(['step-log-viewer']);

/**
 * Gives the step log box a size (default 800 × 480) in each test of the
 * calling file. Call at the top of a describe block or file.
 */
export function sizeLogViewer(options?: { width?: number; height?: number }): void {
  const width = options?.width ?? 800;
  const height = options?.height ?? 480;
  let spy: jest.SpyInstance<DOMRect, []> | undefined;
  beforeEach(() => {
    const original = HTMLElement.prototype.getBoundingClientRect;
    spy = jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function measure(this: HTMLElement) {
        if (!SIZED.has(this.dataset.testid ?? '')) return original.call(this);
        const rect = { x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height };
        return { ...rect, toJSON: () => rect } as DOMRect;
      });
  });
  afterEach(() => spy?.mockRestore());
  sizeLogLists();
}

/** The height an inline style gives an element, in pixels (0 without one). */
const styleHeight = (el: Element | null | undefined): number =>
  el instanceof HTMLElement ? parseFloat(el.style.height) || 0 : 0;

/** The viewer's scrolling list (react-window's outer element) inside a sized box. */
const isLogList = (el: HTMLElement): boolean =>
  el.style.overflow === 'auto' && el.closest('[data-testid="step-log-viewer"]') !== null;

/**
 * Gives the viewer's list its client height (its own) and scroll height (its
 * content's), and scrolls it as a browser does: `scrollTop` stays within
 * them, and a change is announced with a `scroll` event a moment later.
 */
function sizeLogLists(): void {
  beforeEach(() => {
    const tops = new WeakMap<HTMLElement, number>();
    Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
      configurable: true,
      get(this: HTMLElement) {
        return tops.get(this) ?? 0;
      },
      set(this: HTMLElement, value: number) {
        const list = isLogList(this);
        const max = list ? Math.max(0, this.scrollHeight - this.clientHeight) : Infinity;
        const before = tops.get(this) ?? 0;
        const after = Math.min(Math.max(0, Number(value) || 0), max);
        tops.set(this, after);
        if (list && after !== before) setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isLogList(this) ? styleHeight(this) : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isLogList(this) ? Math.max(styleHeight(this), styleHeight(this.firstElementChild)) : 0;
      },
    });
  });
  afterEach(() => {
    // Element.prototype's own (layout-free) getters apply again.
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { scrollHeight?: number }).scrollHeight;
    delete (HTMLElement.prototype as { scrollTop?: number }).scrollTop;
  });
}
