import type { ConnectionState, HubConnection } from '@pst/client';
import type { ErrorBody, Lang } from '@pst/shared';
import { create } from 'zustand';
import * as flow from './flow';

/** Back to the idle screen after this long without a touch (nothing is sent then). */
export const IDLE_AFTER_MS = 60_000;
/** Long enough to read the complaint channels on the thanks screen; the next visit's request replaces it anyway. */
const THANKS_MS = 20_000;

export interface RatingState {
  lang: Lang;
  connection: ConnectionState;
  hub: HubConnection | null;
  survey: flow.Survey;
  error: ErrorBody | null;
  lastTouch: number;
  /** The office's name, for the header between visits (from the board the hub pushes). */
  officeName: string | null;
  /** The office's complaint channels (a setting), shown on the thanks screen. */
  complaintChannels: string[];
  setOffice(office: { name: string; complaintChannels: string[] }): void;
  setHub(hub: HubConnection | null): void;
  setConnection(state: ConnectionState): void;
  toggleLang(): void;
  requested(request: flow.RatingRequest): void;
  update(change: (survey: flow.Survey) => flow.Survey): void;
  submit(): Promise<void>;
  /** Called every second: returns to idle after the time-out, and after the thanks. */
  tick(now: number): void;
}

export const useRating = create<RatingState>()((set, get) => ({
  lang: 'id',
  connection: 'connecting',
  hub: null,
  survey: flow.IDLE,
  error: null,
  lastTouch: 0,
  officeName: null,
  complaintChannels: [],
  setOffice: ({ name, complaintChannels }) => set({ officeName: name, complaintChannels }),
  setHub: (hub) => set({ hub }),
  setConnection: (connection) => set({ connection }),
  toggleLang: () => set((s) => ({ lang: s.lang === 'id' ? 'en' : 'id', lastTouch: Date.now() })),
  requested: (request) =>
    set({ survey: flow.start(request), error: null, lastTouch: Date.now(), lang: 'id' }),
  update: (change) => set((s) => ({ survey: change(s.survey), lastTouch: Date.now() })),
  async submit() {
    const { hub, survey } = get();
    const body = flow.payload(survey);
    if (!hub || !body) return;
    const reply = await hub.send('rating:submit', body);
    if (reply.ok)
      set({ survey: { ...survey, step: { name: 'thanks' } }, error: null, lastTouch: Date.now() });
    else set({ error: reply.error, lastTouch: Date.now() });
  },
  tick(now) {
    const { survey, lastTouch } = get();
    const limit = survey.step.name === 'thanks' ? THANKS_MS : IDLE_AFTER_MS;
    if (survey.step.name !== 'idle' && now - lastTouch > limit) set({ survey: flow.IDLE, error: null });
  },
}));
