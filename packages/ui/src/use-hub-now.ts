import { useContext, useEffect, useState } from 'react';
import { HubOffsetContext } from './provider';

/**
 * The hub's time, ticking: clocks on screen, waits and the service clock follow the hub, never the
 * PC's own clock (which may be minutes off in an office).
 */
export function useHubNow(intervalMs = 1000): number {
  const offset = useContext(HubOffsetContext);
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return localNow + offset;
}
