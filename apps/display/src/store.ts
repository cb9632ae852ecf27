import type { ConnectionState } from '@pst/client';
import type { BoardSnapshot, CallView, Lang } from '@pst/shared';
import { create } from 'zustand';
import type { AnnouncerSettings } from './announcer';
import { shownCall } from './current-call';

const SETTINGS_KEY = 'pst:display:sound';

function storedSettings(): AnnouncerSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '') as Partial<AnnouncerSettings>;
    return {
      enabled: parsed.enabled !== false,
      volume: Math.min(1, Math.max(0, Number(parsed.volume ?? 1))),
    };
  } catch {
    return { enabled: true, volume: 1 };
  }
}

export interface DisplayState {
  lang: Lang;
  connection: ConnectionState;
  board: BoardSnapshot | null;
  /** Hub time minus this PC's time, for the clock on screen. */
  hubOffset: number;
  /**
   * The call shown big (a push, or the board's newest call if it stands: current-call.ts); `flash`
   * changes with every call pushed so the screen can flash again, not when a call is taken back.
   */
  latest: CallView | null;
  flash: number;
  sound: AnnouncerSettings;
  /** Whether the browser lets this page play sound (null until known): see watchSoundAllowed. */
  soundAllowed: boolean | null;
  setSoundAllowed(allowed: boolean): void;
  setConnection(state: ConnectionState): void;
  setBoard(board: BoardSnapshot): void;
  called(call: CallView): void;
  setSound(sound: Partial<AnnouncerSettings>): void;
}

export const useDisplay = create<DisplayState>()((set, get) => ({
  lang: 'id',
  connection: 'connecting',
  board: null,
  hubOffset: 0,
  latest: null,
  flash: 0,
  sound: storedSettings(),
  soundAllowed: null,
  setSoundAllowed: (soundAllowed) => set({ soundAllowed }),
  setConnection: (connection) => set({ connection }),
  setBoard: (board) =>
    set({ board, hubOffset: board.at - Date.now(), latest: shownCall(get().latest, board) }),
  called: (call) => set((s) => ({ latest: call, flash: s.flash + 1 })),
  setSound(change) {
    const sound = { ...get().sound, ...change };
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(sound));
    set({ sound });
  },
}));
