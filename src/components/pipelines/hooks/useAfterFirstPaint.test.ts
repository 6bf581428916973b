import { act, renderHook } from '@testing-library/react';
import { useAfterFirstPaint } from './useAfterFirstPaint';

describe('useAfterFirstPaint', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is false on the first render and true after the next frame', () => {
    const { result, unmount } = renderHook(() => useAfterFirstPaint());
    expect(result.current).toBe(false);
    act(() => {
      jest.advanceTimersByTime(50);
    });
    expect(result.current).toBe(true);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
  });
});
