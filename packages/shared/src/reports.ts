/**
 * The reports' shapes: the hub builds them (hub/src/reports.ts, online-reports.ts) from queue-core's
 * statistics, `/api/reports` and `/api/reports/online` send them, the counter's screens read them.
 */
import type { ComplaintView } from './contract';
import type { CallReason } from './desk-pick';
import type { HeadMoveWay, SendVia } from './desk-rules';
import type { GuestBookDimension } from './guest-book';
import type { IkmCategory } from './ikm';
import type { OnlineChannel } from './online';

/** Office days, inclusive, as YYYY-MM-DD. */
export interface ReportRange {
  from: string;
  to: string;
}

export interface Distribution {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** Stages by how they ended; `withinTarget` counts the called ones within the 10-minute target. */
export interface StageCounts {
  count: number;
  served: number;
  noShow: number;
  cancelled: number;
  unserved: number;
  transferred: number;
  withinTarget: number;
}

export interface StageSummary extends StageCounts {
  /** Plain wait: called - entered (ms). */
  wait: Distribution;
  /** Service time: ended - started, less the time parked meanwhile (tunda, ms). */
  service: Distribution;
  /** Wait on the 10-minute clock (ms). */
  serviceWait: Distribution;
  /** Stages called (each has a wait on the 10-minute clock): the base of the target share. */
  called: number;
  /** Called stages that missed the target: called - withinTarget. */
  breaches: number;
  /** Share of called stages within the target, 0..1 (null when none was called). */
  withinTargetShare: number | null;
}

export interface IkmResult {
  respondents: number;
  elements: Array<{
    code: string;
    name: string;
    respondents: number;
    nrr: number | null;
    weighted: number | null;
  }>;
  /**
   * Codes of the elements nobody answered in the range: the IKM (which weighs all nine elements
   * equally) cannot be computed while any is missing, and the report names them.
   */
  missingElements: string[];
  /** Mean NRR over the elements (1-4). */
  ikm: number | null;
  /** IKM x 25 (25-100), as reported. */
  converted: number | null;
  category: IkmCategory | null;
}

/** The walk-in report for a range of office days. */
export interface Report {
  range: ReportRange;
  visitors: {
    total: number;
    perDay: Array<{ day: string; services: Record<string, number>; total: number }>;
  };
  /** Per stage queue (a service or the front office). */
  byQueue: Record<string, StageSummary>;
  byDesk: Record<string, StageSummary>;
  byDay: Record<string, StageSummary>;
  overall: StageSummary;
  /** Tickets issued per [weekday 1-7][hour 0-23]. */
  busyHours: number[][];
  guestBook: { entries: number; breakdown: Record<GuestBookDimension, Record<string, number>> };
  /** Chosen and out-of-order calls (issue 20, hub/src/chosen-call-report.ts). */
  outOfOrder: ChosenCallReport;
  satisfaction: IkmResult & {
    overallScores: Record<string, number>;
    integrity: { imbalanAsked: number; pungliReported: number };
    complaints: ComplaintView[];
  };
}

/** The online service's figures of one channel, or of all together (issue 21). */
export interface OnlineChannelFigures {
  requests: number;
  /** Requests whose clock has run out or that were answered: the base of the 3-day share. */
  due: number;
  answeredInTime: number;
  /** answeredInTime / due; null without any due. */
  inTimeShare: number | null;
  medianWorkingDays: number | null;
  closedNoResponse: number;
  closedDone: number;
  ikm: IkmResult;
}

/** The online service's report for the same range as the walk-in one. */
export interface OnlineReport {
  range: ReportRange;
  channels: Array<OnlineChannelFigures & { channel: OnlineChannel }>;
  /** Every channel together. */
  total: OnlineChannelFigures;
  appointments: { booked: number; kept: number; missed: number; pending: number; zoom: number };
  ikm: { walkIn: IkmResult; online: IkmResult };
}

/**
 * Moves out of turn counted for a report: all of them (under `K`: `chosen`, `sent` or `moved`), those
 * that went ahead of someone waiting, and how many they went ahead of.
 */
export type MoveCounts<K extends string> = Record<K, number> & { outOfOrder: number; overtaken: number };

/** Chosen calls counted for a report. */
export type ChosenCallCounts = MoveCounts<'chosen'>;

/** The report's chosen calls (table `panggilan-pilihan`): per desk id, per staff id (with names), per reason. */
export interface ChosenCallReport {
  total: ChosenCallCounts;
  byDesk: Record<string, ChosenCallCounts>;
  byStaff: Record<string, ChosenCallCounts & { name: string }>;
  byReason: Partial<Record<CallReason, ChosenCallCounts>>;
  /** Tickets sent to a named desk, called there ahead of their queue (table `kiriman-meja`). */
  sent: SentCallReport;
  /** Tickets put at the head of a queue, ahead of those waiting (table `ke-depan-antrian`). */
  toHead: HeadMoveReport;
}

/** First calls of tickets sent to a named desk (that desk calls them before its queues), counted. */
export type SentCallCounts = MoveCounts<'sent'>;

/** Per staff id who sent (with names), and per way it was sent (the guest book or *Kirim ke meja*). */
export interface SentCallReport {
  total: SentCallCounts;
  bySender: Record<string, SentCallCounts & { name: string }>;
  byVia: Partial<Record<SendVia, SentCallCounts>>;
}

/** Tickets put at the head of a queue, counted. */
export type HeadMoveCounts = MoveCounts<'moved'>;

/** Per staff id who moved them (with names), and per way (*Kembalikan*, or back from a park). */
export interface HeadMoveReport {
  total: HeadMoveCounts;
  byStaff: Record<string, HeadMoveCounts & { name: string }>;
  byWay: Partial<Record<HeadMoveWay, HeadMoveCounts>>;
}
