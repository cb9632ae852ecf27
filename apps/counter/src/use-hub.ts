import { connectHub } from '@pst/client';
import { useEffect } from 'react';
import { useCounter } from './store';

/** Connects with the staff session and writes every push into the store. */
export function useHub(): void {
  const token = useCounter((s) => s.session?.token ?? null);
  useEffect(() => {
    if (!token) return;
    const { setHub, setConnection, setBoard } = useCounter.getState();
    const hub = connectHub({ token, onState: setConnection });
    hub.socket.on('board:snapshot', setBoard);
    setHub(hub);
    return () => {
      hub.close();
      setHub(null);
    };
  }, [token]);
}
