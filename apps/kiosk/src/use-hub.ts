import { connectHub } from '@pst/client';
import { useDeviceToken } from '@pst/ui';
import { useEffect } from 'react';
import { attachLocalPrinting, shellPrinter } from './local-printing';
import { useKiosk } from './store';

/** Connects to the hub with the kiosk's paired token and writes every push into the store. */
export function useHub(): { token: string | null; pair: (token: string) => void } {
  const { token, pair } = useDeviceToken('kiosk');
  useEffect(() => {
    if (!token) return;
    const { setHub, setConnection, setBoard, setPrinted } = useKiosk.getState();
    const hub = connectHub({ token, onState: setConnection });
    hub.socket.on('board:snapshot', setBoard);
    hub.socket.on('ticket:printed', setPrinted);
    hub.socket.on('printer:status', (printer) => {
      const board = useKiosk.getState().board;
      // Not setBoard: the board's time is when it was made, not now.
      if (board) useKiosk.setState({ board: { ...board, printer } });
    });
    // In the Electron shell with a printer of its own, the kiosk prints its tickets itself.
    const printer = shellPrinter();
    const stopPrinting = attachLocalPrinting(hub, printer);
    setHub(hub);
    // A restart right after a failed print (the shell's journal knows it): show that ticket again.
    void printer
      ?.lastFailedPrint()
      .then((failed) => failed && useKiosk.getState().resumeFailedPrint(failed))
      .catch(() => undefined);
    return () => {
      stopPrinting();
      hub.close();
      setHub(null);
    };
  }, [token]);
  return { token, pair };
}
