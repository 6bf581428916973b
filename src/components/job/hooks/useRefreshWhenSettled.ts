import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` once when `live` turns from true to false, so that a view
 * that stopped polling shows the final state of work that just finished.
 */
export function useRefreshWhenSettled(options: { live: boolean; refresh: () => void }): void {
  const { live, refresh } = options;
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && !live) refresh();
    wasLive.current = live;
  }, [live, refresh]);
}
