import { act, renderHook } from '@testing-library/react';
import { useProgressiveCount } from './useProgressiveCount';

describe('useProgressiveCount', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('renders the first items, then all of them from the next frame on', () => {
    const { result, rerender } = renderHook(({ total }) => useProgressiveCount({ total, initial: 8 }), {
      initialProps: { total: 0 },
    });
    expect(result.current).toBe(0);
    rerender({ total: 20 });
    expect(result.current).toBe(8);
    act(() => {
      jest.advanceTimersByTime(50);
    });
    expect(result.current).toBe(20);
    // Once expanded, later growth (load more) shows at once.
    rerender({ total: 40 });
    expect(result.current).toBe(40);
  });

  it('shows short lists whole', () => {
    const { result } = renderHook(() => useProgressiveCount({ total: 5, initial: 8 }));
    expect(result.current).toBe(5);
  });

  it('leaves no timer behind when unmounted early', () => {
    const { result, unmount } = renderHook(() => useProgressiveCount({ total: 20, initial: 8 }));
    expect(result.current).toBe(8);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});

