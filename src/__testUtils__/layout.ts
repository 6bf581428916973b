/*
 * jsdom has no layout: every element measures 0 × 0, so the log viewer's
 * AutoSizer renders nothing. This gives elements marked with the test id
 * of the step log box a fixed size, for the tests of the calling file.
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
}
