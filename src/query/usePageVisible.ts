import { useEffect, useState } from 'react';

function visible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

/**
 * True while the page is visible (`document.visibilityState`). Polling
 * hooks pause while it is false.
 * @internal
 */
export function usePageVisible(): boolean {
  const [isVisible, setVisible] = useState(visible);
  useEffect(() => {
    const onChange = () => setVisible(visible());
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return isVisible;
}
