import {
  announcementParts,
  announcementUtterance,
  type CallView,
  LETTER_NAMES,
  terbilangWords,
} from '@pst/shared';

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
 * The recorded clips that say a call when the PC has no Indonesian voice: one clip per phrase,
 * letter and number word; the desk as "meja" plus its number when its name ends in one.
 */
export function clipSequence(call: Pick<CallView, 'number' | 'deskId' | 'deskName'>): string[] {
  return announcementParts(call.number, { id: call.deskId, name: call.deskName }).flatMap((part) => {
    if (part.kind === 'phrase') return [part.id];
    if (part.kind === 'letter') return [`huruf-${part.letter.toLowerCase()}`];
    if (part.kind === 'word') return [part.word];
    const deskNumber = /(\d+)\s*$/.exec(part.name)?.[1];
    return deskNumber ? ['meja', ...terbilangWords(Number(deskNumber))] : ['meja'];
  });
}

/** Every clip the display ships (what scripts/make-clips.sh records). */
export const CLIP_TEXTS: Record<string, string> = {
  'nomor-antrian': 'nomor antrian',
  'silakan-menuju': 'silakan menuju',
  meja: 'meja',
  ...Object.fromEntries(
    Object.entries(LETTER_NAMES).map(([letter, name]) => [`huruf-${letter.toLowerCase()}`, name]),
  ),
  ...Object.fromEntries(
    'nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas belas puluh seratus ratus seribu ribu'
      .split(' ')
      .map((w) => [w, w]),
  ),
};

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
        else await deps.clips.play(clipSequence(call), volume);
      });
      // One failed announcement never blocks the ones after it.
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
