import { connectHub, readDeviceToken } from '@pst/client';
import { useEffect, useState } from 'react';
import { createAnnouncer } from './announcer';
import { chime, clipPlayer, indonesianSpeaker } from './audio';
import { useDisplay } from './store';

const announcer = createAnnouncer({
  chime,
  speaker: indonesianSpeaker,
  clips: clipPlayer,
  settings: () => useDisplay.getState().sound,
});

/** Connects with the display's token; every call is shown and queued for announcement. */
export function useHub(): { token: string | null; setToken: (token: string) => void } {
  const [token, setToken] = useState(() => readDeviceToken('display'));
  useEffect(() => {
    if (!token) return;
    const { setConnection, setBoard, called } = useDisplay.getState();
    const hub = connectHub({ token, onState: setConnection });
    hub.socket.on('board:snapshot', setBoard);
    hub.socket.on('ticket:called', (call) => {
      called(call);
      void announcer.announce(call);
    });
    return () => hub.close();
  }, [token]);
  return { token, setToken };
}
