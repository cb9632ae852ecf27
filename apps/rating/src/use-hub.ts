import { connectHub } from '@pst/client';
import { useDeviceToken } from '@pst/ui';
import { useEffect } from 'react';
import { useRating } from './store';

/** Connects with the tablet's token (paired to one desk) and opens the survey when that desk finishes a visit. */
export function useHub(): { token: string | null; pair: (token: string) => void } {
  const { token, pair } = useDeviceToken('rating');
  useEffect(() => {
    if (!token) return;
    const { setHub, setConnection, requested, setOffice } = useRating.getState();
    const hub = connectHub({ token, onState: setConnection });
    hub.socket.on('rating:request', requested);
    hub.socket.on('board:snapshot', (board) => setOffice(board.office));
    setHub(hub);
    const timer = setInterval(() => useRating.getState().tick(Date.now()), 1000);
    return () => {
      clearInterval(timer);
      hub.close();
      setHub(null);
    };
  }, [token]);
  return { token, pair };
}
