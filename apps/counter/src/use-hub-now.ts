import { useEffect, useState } from 'react';
import { useCounter } from './store';

/** The hub's time, ticking, for waits and the service clock. */
export function useHubNow(intervalMs = 1000): number {
  const offset = useCounter((s) => s.hubOffset);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + offset;
}
