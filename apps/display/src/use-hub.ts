import { connectHub } from '@pst/client';
import { useDeviceToken } from '@pst/ui';
import { useEffect } from 'react';
import { createAnnouncer } from './announcer';
import { chime, clipPlayer, indonesianSpeaker, watchSoundAllowed } from './audio';
import { useDisplay } from './store';

const announcer = createAnnouncer({
  chime,
  speaker: indonesianSpeaker,
  clips: clipPlayer,
  // While the browser refuses sound nothing is queued: calls made before the first touch are not
  // all said at once after it.
  settings: () => {
    const { sound, soundAllowed } = useDisplay.getState();
    return { ...sound, enabled: sound.enabled && soundAllowed === true };
  },
});

/** Connects with the display's token; every call is shown and queued for announcement. */
export function useHub(): { token: string | null; pair: (token: string) => void } {
  const { token, pair } = useDeviceToken('display');
  useEffect(() => watchSoundAllowed(useDisplay.getState().setSoundAllowed), []);
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
  return { token, pair };
}
