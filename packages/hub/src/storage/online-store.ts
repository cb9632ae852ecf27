import type { OnlineEvent, OnlineRequest } from '@pst/queue-core';
import {
  type NoteDirection,
  type OnlineChannel,
  type OnlineRequestDetail,
  type OnlineRequester,
  type OnlineRequesterLookup,
  type OnlineState,
  onlineRequestIdFor,
  requesterContacts,
} from '@pst/shared';
import type { Db } from './database';
import { type Erasure, type PersonalMatch, personalWhere, withoutFields } from './personal-data';
import { type Sql, statementsOf } from './statements';

/** What an online request has besides its state-machine fields. */
export interface OnlineRecordFacts {
  day: string;
  channel: OnlineChannel;
  recordedBy: string;
  requester: OnlineRequester;
  topic: string;
  dataNeeded: string;
}

export interface OnlineRow extends OnlineRequest {
  day: string;
  channel: OnlineChannel;
  requester: OnlineRequester;
  topic: string;
  dataNeeded: string;
}

export interface AppointmentRow {
  id: string;
  code: string;
  day: string;
  requestId: string | null;
  kind: 'langsung' | 'zoom';
  serviceId: string;
  slotAt: number;
  staffId: string | null;
  deskId: string | null;
  requesterName: string;
  phone: string;
  zoomLink: string;
  ticketId: string | null;
  redeemedAt: number | null;
  /** Zoom only: staff's attendance mark (null: not marked), and when. */
  attended: boolean | null;
  attendanceAt: number | null;
}

const APPOINTMENT_COLUMNS = `id, code, day, request_id AS requestId, kind, service_id AS serviceId, slot_at AS slotAt,
  staff_id AS staffId, desk_id AS deskId, requester_name AS requesterName, phone, zoom_link AS zoomLink,
  ticket_id AS ticketId, redeemed_at AS redeemedAt, attended, attendance_at AS attendanceAt`;

/** SQLite keeps the attendance mark as 0/1. */
function toAppointment(raw: Omit<AppointmentRow, 'attended'> & { attended: number | null }): AppointmentRow {
  return { ...raw, attended: raw.attended === null ? null : raw.attended === 1 };
}

interface RawRow {
  id: string;
  day: string;
  channel: OnlineChannel;
  received_at: number;
  requester: string;
  topic: string;
  data_needed: string;
  state: OnlineState;
  close_reason: OnlineRequest['closeReason'];
  clock_started_at: number | null;
  due_at: number | null;
  first_answered_at: number | null;
  waiting_on_user_since: number | null;
  closed_at: number | null;
  last_change_at: number;
}

function toRow(raw: RawRow): OnlineRow {
  return {
    id: raw.id,
    day: raw.day,
    channel: raw.channel,
    requester: JSON.parse(raw.requester) as OnlineRequester,
    topic: raw.topic,
    dataNeeded: raw.data_needed,
    state: raw.state,
    closeReason: raw.close_reason,
    receivedAt: raw.received_at,
    clockStartedAt: raw.clock_started_at,
    dueAt: raw.due_at,
    firstAnsweredAt: raw.first_answered_at,
    waitingOnUserSince: raw.waiting_on_user_since,
    closedAt: raw.closed_at,
    lastChangeAt: raw.last_change_at,
  };
}

/** The state entered by each event that changes it (notes change none). */
const ENTERED: Partial<Record<OnlineEvent['type'], OnlineState>> = {
  'online.recorded': 'baru',
  'online.completeness-asked': 'menunggu-kelengkapan',
  'online.completed': 'diproses',
  'online.answered': 'dijawab',
  'online.reopened': 'diproses',
  'online.closed': 'ditutup',
};

/** The SQL of online requests (migration 8). Runs inside the caller's transaction where it matters. */
export class OnlineStore {
  private readonly sql: Sql;

  constructor(private readonly db: Db) {
    this.sql = statementsOf(db);
  }

  /** The next id of the office day: ON-YYYYMMDD-NNN. */
  nextId(day: string): string {
    const { n } = this.sql('SELECT count(*) AS n FROM online_requests WHERE day = ?').get(day) as {
      n: number;
    };
    return onlineRequestIdFor(day, n + 1);
  }

  /**
   * A new request or a change of one: its events in the log, its row, its history, and the exchange
   * noted with it, in one transaction.
   */
  save(
    request: OnlineRequest,
    events: readonly OnlineEvent[],
    actor: string,
    note: { direction: NoteDirection; text: string } | null,
    record?: OnlineRecordFacts,
  ): void {
    this.db.transaction(() => {
      if (record) {
        const contacts = requesterContacts(record.requester);
        this.sql(
          `INSERT INTO online_requests (id, day, channel, received_at, recorded_by, requester, phone, email, topic,
             data_needed, state, last_change_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'baru', ?)`,
        ).run(
          request.id,
          record.day,
          record.channel,
          request.receivedAt,
          record.recordedBy,
          JSON.stringify(record.requester),
          contacts.phone,
          contacts.email,
          record.topic,
          record.dataNeeded,
          request.lastChangeAt,
        );
      }
      for (const event of events) {
        this.sql('INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)').run(
          event.at,
          'audit',
          event.type,
          JSON.stringify(event),
          actor,
        );
        const entered = ENTERED[event.type];
        if (entered) this.addHistory(request.id, event.at, actor, 'state', null, entered, '');
      }
      if (note?.text)
        this.addHistory(request.id, request.lastChangeAt, actor, 'note', note.direction, null, note.text);
      this.sql(
        `UPDATE online_requests SET state = ?, close_reason = ?, clock_started_at = ?, due_at = ?,
           first_answered_at = ?, waiting_on_user_since = ?, closed_at = ?, last_change_at = ? WHERE id = ?`,
      ).run(
        request.state,
        request.closeReason,
        request.clockStartedAt,
        request.dueAt,
        request.firstAnsweredAt,
        request.waitingOnUserSince,
        request.closedAt,
        request.lastChangeAt,
        request.id,
      );
    })();
  }

  private addHistory(
    requestId: string,
    at: number,
    staffId: string,
    kind: 'note' | 'state',
    direction: NoteDirection | null,
    state: OnlineState | null,
    text: string,
  ): void {
    this.sql(
      'INSERT INTO online_history (request_id, at, staff_id, kind, direction, state, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(requestId, at, staffId, kind, direction, state, text);
  }

  get(id: string): OnlineRow | null {
    const raw = this.sql('SELECT * FROM online_requests WHERE id = ?').get(id) as RawRow | undefined;
    return raw ? toRow(raw) : null;
  }

  /** Open requests (by due time, stopped clocks last), or the closed ones of the last 90 days. */
  list(which: 'open' | 'closed', since: number): OnlineRow[] {
    const rows =
      which === 'open'
        ? this.sql(
            `SELECT * FROM online_requests WHERE state != 'ditutup'
               ORDER BY due_at IS NULL, due_at, received_at`,
          ).all()
        : this.sql(
            `SELECT * FROM online_requests WHERE state = 'ditutup' AND closed_at >= ? ORDER BY closed_at DESC`,
          ).all(since);
    return (rows as RawRow[]).map(toRow);
  }

  history(requestId: string): OnlineRequestDetail['history'] {
    return this.sql(
      `SELECT h.at, coalesce(staff.name, h.staff_id) AS staffName, h.kind, h.direction, h.state, h.text
         FROM online_history h LEFT JOIN staff ON staff.id = h.staff_id WHERE h.request_id = ? ORDER BY h.id`,
    ).all(requestId) as OnlineRequestDetail['history'];
  }

  /** The latest requester with this phone or email among online requests. */
  lookupRequester(by: { phone: string } | { email: string }): OnlineRequesterLookup {
    const [column, value] = 'phone' in by ? ['phone', by.phone] : ['email', by.email.toLowerCase()];
    const row = this.sql(
      `SELECT requester, received_at FROM online_requests WHERE ${column} = ? AND erased_at IS NULL
         ORDER BY received_at DESC LIMIT 1`,
    ).get(value) as { requester: string; received_at: number } | undefined;
    return row ? { ...(JSON.parse(row.requester) as OnlineRequester), lastContactAt: row.received_at } : null;
  }

  // ---------- appointments ----------

  addAppointment(
    row: Omit<AppointmentRow, 'attended' | 'attendanceAt'>,
    createdBy: string,
    now: number,
  ): void {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO appointments (id, code, day, request_id, kind, service_id, slot_at, staff_id, desk_id,
           requester_name, phone, zoom_link, created_by, created_at)
         VALUES (@id, @code, @day, @requestId, @kind, @serviceId, @slotAt, @staffId, @deskId, @requesterName, @phone,
           @zoomLink, @createdBy, @createdAt)`,
      ).run({ ...row, createdBy, createdAt: now });
      const { phone: _phone, requesterName: _name, ...facts } = row;
      this.sql('INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)').run(
        now,
        'audit',
        'appointment.booked',
        JSON.stringify(facts),
        createdBy,
      );
    })();
  }

  appointmentByCode(code: string): AppointmentRow | null {
    const raw = this.sql(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE code = ?`).get(code);
    return raw ? toAppointment(raw as Parameters<typeof toAppointment>[0]) : null;
  }

  appointment(id: string): AppointmentRow | null {
    const raw = this.sql(`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE id = ?`).get(id);
    return raw ? toAppointment(raw as Parameters<typeof toAppointment>[0]) : null;
  }

  appointmentsOn(day: string): AppointmentRow[] {
    const rows = this.sql(
      `SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE day = ? ORDER BY slot_at`,
    ).all(day) as Array<Parameters<typeof toAppointment>[0]>;
    return rows.map(toAppointment);
  }

  /** Staff's mark on a Zoom appointment, audited with who made it. */
  markAttendance(id: string, attended: boolean, staffId: string, now: number): void {
    this.db.transaction(() => {
      this.sql('UPDATE appointments SET attended = ?, attendance_at = ?, attendance_by = ? WHERE id = ?').run(
        attended ? 1 : 0,
        now,
        staffId,
        id,
      );
      this.sql('INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)').run(
        now,
        'audit',
        'appointment.attendance',
        JSON.stringify({ id, attended }),
        staffId,
      );
    })();
  }

  /** Inside the ticket's own transaction (QueueRunner's alsoWrite), so a code is never used twice. */
  redeemAppointment(id: string, ticketId: string, now: number): void {
    this.sql('UPDATE appointments SET ticket_id = ?, redeemed_at = ? WHERE id = ?').run(ticketId, now, id);
  }

  // ---------- ratings ----------

  rating(requestId: string): OnlineRequestDetail['rating'] {
    return (
      (this.sql('SELECT at, source, overall FROM online_ratings WHERE request_id = ?').get(requestId) as
        | OnlineRequestDetail['rating']
        | undefined) ?? null
    );
  }

  addRating(
    rating: {
      requestId: string;
      source: 'formulir' | 'whatsapp';
      overall: number;
      scores: ReadonlyArray<number | null>;
      integrity: { imbalan: boolean | null; pungli: boolean | null };
      complaint: string;
    },
    day: string,
    staffId: string,
    now: number,
  ): void {
    const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO online_ratings (request_id, day, at, source, overall, scores, imbalan, pungli, complaint, entered_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        rating.requestId,
        day,
        now,
        rating.source,
        rating.overall,
        JSON.stringify(rating.scores),
        bool(rating.integrity.imbalan),
        bool(rating.integrity.pungli),
        rating.complaint,
        staffId,
      );
      this.sql('INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)').run(
        now,
        'audit',
        'online.rated',
        JSON.stringify({ requestId: rating.requestId, source: rating.source }),
        staffId,
      );
    })();
  }

  // ---------- personal data (UU 27/2022) ----------

  /**
   * Erases the requester's personal fields of the matching online requests, the words of their exchanges and
   * complaint, and the name and number of their appointments; the figures stay.
   */
  erasePersonal(match: PersonalMatch, { fields, erasedText, now, limit = -1 }: Erasure): number {
    const [where, params] = personalWhere(match);
    const rows = this.sql(
      `SELECT id, requester, phone FROM online_requests WHERE erased_at IS NULL AND ${where} LIMIT ?`,
    ).all(...params, limit) as Array<{ id: string; requester: string; phone: string | null }>;
    this.db.transaction(() => {
      for (const row of rows) {
        this.sql(
          'UPDATE online_requests SET requester = ?, phone = NULL, email = NULL, data_needed = ?, erased_at = ? WHERE id = ?',
        ).run(withoutFields(row.requester, fields), erasedText, now, row.id);
        this.sql("UPDATE online_history SET text = ? WHERE request_id = ? AND text != ''").run(
          erasedText,
          row.id,
        );
        this.sql("UPDATE online_ratings SET complaint = ? WHERE request_id = ? AND complaint != ''").run(
          erasedText,
          row.id,
        );
        this.sql("UPDATE appointments SET requester_name = ?, phone = '' WHERE request_id = ?").run(
          erasedText,
          row.id,
        );
      }
      if (!('before' in match) && match.phone)
        this.sql("UPDATE appointments SET requester_name = ?, phone = '' WHERE phone = ?").run(
          erasedText,
          match.phone,
        );
      if ('before' in match)
        this.sql("UPDATE appointments SET requester_name = ?, phone = '' WHERE day < ? AND phone != ''").run(
          erasedText,
          match.before,
        );
    })();
    return rows.length;
  }
}
