/** What every measurement returns, and the sizes a run uses. */

export type Verdict = 'met' | 'missed' | 'info';

/** One line of the results table. */
export interface Row {
  measurement: string;
  metric: string;
  value: string;
  target?: string;
  verdict: Verdict;
  note?: string;
}

export interface MeasureResult<D = unknown> {
  rows: Row[];
  /** Markdown paragraphs or tables for the details section of docs/benchmarks.md. */
  details: string[];
  data: D;
}

export interface Sizes {
  /** Sequential ticket takes timed with an idle hub, and with the sustained load running. */
  takesIdle: number;
  takesLoaded: number;
  /** Calls timed, and clients (displays and desks) that must all receive each call. */
  calls: number;
  callClients: number;
  /** Sustained load: kiosks, front-office desks, service desks, seconds. */
  kiosks: number;
  frontDesks: number;
  serviceDesks: number;
  loadSeconds: number;
  /** Ten years of an office: visits in total and the years they spread over. */
  scaleVisits: number;
  scaleYears: number;
  scaleReportRuns: number;
  /** Memory: connected clients, the steady-traffic run and its sampling. */
  memoryClients: number;
  steadySeconds: number;
  sampleEveryMs: number;
  /** The memory measure's pauses for RSS to settle are multiples of this. */
  settleMs: number;
  /** How long the idle hub rests before its idle RSS is read (V8 gives back start-up memory after ~16 s). */
  idleRestMs: number;
  /** Staff PIN logins before the idle-after-logins reading (a morning's sign-ins). */
  memoryLogins: number;
  /** Central roll-up: offices, years of their closed days, timed dashboard requests. */
  centralOffices: number;
  centralYears: number;
  centralRuns: number;
  /**
   * Sustained loads per durability for the durable / NORMAL ratio, alternating: one run each ranges
   * 1,529-2,445 commands/s on the same quiet machine, so the ratio is of the medians.
   */
  syncLoadRounds: number;
  /** Seconds of sustained load under `node --cpu-prof`. */
  profileSeconds: number;
  /**
   * The simulated office day: visits, simulated hours, how many times faster than real time the
   * hub's clock runs, its front-office and service desks, and connected displays.
   */
  officeDayVisits: number;
  officeDayHours: number;
  officeDayFactor: number;
  officeDayDesks: [front: number, service: number];
  officeDayDisplays: number;
  /**
   * Consecutive office days on one running hub (day 1 includes the fresh process's warm-up), and
   * the real seconds each night between them takes (its clock runs as fast as that needs).
   */
  officeDays: number;
  officeNightSeconds: number;
  /** Power cuts per run (two runs: the hub's own checkpoint mark, and a small one). */
  powerCuts: number;
  seed: number;
}

export const FULL: Sizes = {
  takesIdle: 300,
  takesLoaded: 200,
  calls: 500,
  callClients: 100,
  kiosks: 8,
  frontDesks: 10,
  serviceDesks: 10,
  loadSeconds: 60,
  syncLoadRounds: 3,
  scaleVisits: 1_000_000,
  scaleYears: 10,
  scaleReportRuns: 5,
  centralOffices: 514,
  centralYears: 10,
  centralRuns: 40,
  memoryClients: 200,
  steadySeconds: 600,
  sampleEveryMs: 5000,
  settleMs: 1000,
  idleRestMs: 30_000,
  memoryLogins: 20,
  profileSeconds: 20,
  // A busy office's day: 300 visitors from 09.00 to 17.00, in 8 minutes.
  officeDayVisits: 300,
  officeDayHours: 8,
  officeDayFactor: 60,
  officeDayDesks: [3, 7],
  officeDayDisplays: 10,
  // Two days and the night between: long enough (a minute) for the hub's half-minute housekeeping to
  // end the day after midnight by itself and run the morning's data care, as in an office.
  officeDays: 2,
  officeNightSeconds: 60,
  // Twice CI's 20, in each of the two runs (about a minute each).
  powerCuts: 40,
  seed: 3324,
};

export const QUICK: Sizes = {
  ...FULL,
  takesIdle: 40,
  takesLoaded: 30,
  calls: 40,
  loadSeconds: 10,
  syncLoadRounds: 1,
  scaleVisits: 50_000,
  scaleYears: 1,
  scaleReportRuns: 3,
  centralYears: 1,
  centralRuns: 10,
  steadySeconds: 30,
  profileSeconds: 6,
  officeDayFactor: 240,
  powerCuts: 5,
};

/** For the smoke test: every benchmark once, as small as still means something. */
export const TINY: Sizes = {
  ...FULL,
  takesIdle: 3,
  takesLoaded: 3,
  calls: 3,
  callClients: 10,
  kiosks: 2,
  frontDesks: 2,
  serviceDesks: 2,
  loadSeconds: 2,
  syncLoadRounds: 2,
  scaleVisits: 1500,
  scaleYears: 0.02,
  scaleReportRuns: 1,
  centralOffices: 40,
  centralYears: 0.1,
  centralRuns: 2,
  memoryClients: 10,
  steadySeconds: 3,
  sampleEveryMs: 1000,
  settleMs: 100,
  idleRestMs: 0,
  memoryLogins: 4,
  profileSeconds: 2,
  officeDayVisits: 40,
  officeDayFactor: 7200,
  officeDayDisplays: 2,
  officeNightSeconds: 2,
  powerCuts: 2,
};
