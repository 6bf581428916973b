import { useEffect } from 'react';

/**
 * Calls `run(ids)` when the user comes back to the page: it becomes visible
 * again, or its window regains focus. Not more often than once per
 * `minGapMs` (default 10 s), and not at all while `ids` is empty.
 *
 * For work that waits for a person, such as an approval: it changes when
 * somebody acts, usually in another tab, so it is re-read when the user
 * returns instead of on a timer that would cost requests while nothing
 * happens.
 */
export function useRefreshOnReturn(options: {
  ids: string;
  run: (ids: string) => void;
  minGapMs?: number;
}): void {
  const { ids, run, minGapMs = 10_000 } = options;
  useEffect(() => {
    if (!ids) return undefined;
    let last = Date.now();
    const onReturn = () => {
      if (document.visibilityState === 'hidden') return;
      const now = Date.now();
      if (now - last < minGapMs) return;
      last = now;
      run(ids);
    };
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [ids, run, minGapMs]);
}
