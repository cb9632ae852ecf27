import { announcementClips, announcementUtterance, type CallView } from '@pst/shared';

/** Speaks one sentence and resolves when it has been said (or failed). */
export interface Speaker {
  speak(text: string, volume: number): Promise<void>;
}
/** Plays recorded clips one after another. */
export interface ClipPlayer {
  play(clips: string[], volume: number): Promise<void>;
}
export interface Chime {
  play(volume: number): Promise<void>;
}

export interface AnnouncerSettings {
  enabled: boolean;
  /** 0..1 */
  volume: number;
}

/**
 * Announces calls one at a time: a chime, then the sentence, by the system's Indonesian voice when
 * there is one, else by clips. Calls that come in while one is spoken wait their turn.
 */
export function createAnnouncer(deps: {
  chime: Chime;
  speaker: () => Speaker | null;
  clips: ClipPlayer;
  settings: () => AnnouncerSettings;
}) {
  let queue: Promise<void> = Promise.resolve();
  return {
    announce(call: Pick<CallView, 'number' | 'deskId' | 'deskName'>): Promise<void> {
      const next = queue.then(async () => {
        const { enabled, volume } = deps.settings();
        if (!enabled) return;
        // A chime that cannot play (no audio device, autoplay refused) must not silence the call.
        await Promise.resolve()
          .then(() => deps.chime.play(volume))
          .catch(() => undefined);
        const speaker = deps.speaker();
        if (speaker)
          await speaker.speak(
            announcementUtterance(call.number, { id: call.deskId, name: call.deskName }),
            volume,
          );
        else
          await deps.clips.play(
            announcementClips(call.number, { id: call.deskId, name: call.deskName }),
            volume,
          );
      });
      // One failed announcement never blocks the ones after it.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
