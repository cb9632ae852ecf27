/**
 * Numbered schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records the last one applied. Never edit a released migration: add the next number.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'event log, projections, devices, staff',
    sql: `
      -- The audit trail: every domain event (kind 'domain', replayed on start) and every access or
      -- administrative act (kind 'audit'), append-only.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('domain', 'audit')),
        type TEXT NOT NULL,
        payload TEXT NOT NULL,
        actor TEXT NOT NULL
      );
      CREATE INDEX events_day_end ON events(type) WHERE type = 'day.ended';
      CREATE INDEX events_at ON events(at);

      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        desk_id TEXT,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER,
        last_seen_at INTEGER
      );

      CREATE TABLE staff (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        pin_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL REFERENCES staff(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );

      -- Projections of the event log: one row per ticket (visit) and per stage of it.
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        number TEXT NOT NULL,
        service_id TEXT NOT NULL,
        priority INTEGER NOT NULL,
        issued_at INTEGER NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL,
        guest_book_id TEXT,
        rating_id TEXT,
        print_state TEXT
      );
      CREATE UNIQUE INDEX tickets_day_number ON tickets(day, number);

      CREATE TABLE stages (
        ticket_id TEXT NOT NULL REFERENCES tickets(id),
        idx INTEGER NOT NULL,
        day TEXT NOT NULL,
        queue TEXT NOT NULL,
        entered_at INTEGER NOT NULL,
        target_minutes INTEGER NOT NULL,
        called_at INTEGER,
        desk_id TEXT,
        staff_id TEXT,
        recalls INTEGER NOT NULL,
        started_at INTEGER,
        ended_at INTEGER,
        outcome TEXT,
        clock_start INTEGER,
        service_wait INTEGER,
        within_target INTEGER,
        note TEXT NOT NULL,
        PRIMARY KEY (ticket_id, idx)
      ) WITHOUT ROWID;
      CREATE INDEX stages_day_queue ON stages(day, queue);
      CREATE INDEX stages_day_desk ON stages(day, desk_id);

      CREATE TABLE guest_book (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        day TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        staff_id TEXT NOT NULL,
        entry TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        erased_at INTEGER
      );
      CREATE INDEX guest_book_phone ON guest_book(phone);
      CREATE INDEX guest_book_email ON guest_book(email);
      CREATE INDEX guest_book_day ON guest_book(day);

      CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        ticket_id TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        overall INTEGER NOT NULL,
        scores TEXT NOT NULL,
        imbalan INTEGER,
        pungli INTEGER,
        complaint TEXT NOT NULL,
        complaint_status TEXT
      );
      CREATE INDEX ratings_day ON ratings(day);

      CREATE TABLE visit_notes (
        id INTEGER PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        staff_id TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX visit_notes_ticket ON visit_notes(ticket_id);
    `,
  },
  {
    version: 2,
    name: 'retention finds entries not yet erased without scanning years of erased ones',
    sql: `
      CREATE INDEX guest_book_unerased_day ON guest_book(day) WHERE erased_at IS NULL;
    `,
  },
  {
    version: 3,
    name: 'reports keep the facts of closed days; a one-year report reads a row a day',
    sql: `
      -- reports.ts DayFacts as JSON, per office day before today. A change of DayFacts' shape needs a
      -- migration that empties this table.
      CREATE TABLE report_days (day TEXT PRIMARY KEY, facts TEXT NOT NULL) WITHOUT ROWID;
      -- Any write to a day's rows forgets that day's facts (an erasure, a late correction, a restore
      -- of rows), so kept facts never go stale whoever writes.
      ${['tickets', 'stages', 'guest_book', 'ratings']
        .map(
          (table) => `
      CREATE TRIGGER ${table}_insert_report_day AFTER INSERT ON ${table}
        BEGIN DELETE FROM report_days WHERE day = NEW.day; END;
      CREATE TRIGGER ${table}_update_report_day AFTER UPDATE ON ${table}
        BEGIN DELETE FROM report_days WHERE day IN (OLD.day, NEW.day); END;
      CREATE TRIGGER ${table}_delete_report_day AFTER DELETE ON ${table}
        BEGIN DELETE FROM report_days WHERE day = OLD.day; END;`,
        )
        .join('')}
      CREATE INDEX ratings_complaint_day ON ratings(day) WHERE complaint != '';
    `,
  },
  // ---------- security (issue 16) ----------
  {
    version: 4,
    name: 'failed logins counted per account and per address, kept across restarts',
    sql: `
      -- key: 'account:<username>' or 'address:<client address>'; see shared/login-throttle.ts.
      CREATE TABLE login_failures (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  // ---- 5: print queue (issue 17) ----
  {
    version: 5,
    name: 'print jobs kept until printed or given up; tickets whose paper is in doubt found by day',
    sql: `
      -- One row per ticket print at the hub's printer: queued until it is on paper (printed), the
      -- printer had it without confirming (unknown: never sent again by itself), or it is no longer
      -- wanted (dropped: the visitor was called, or the day ended). The bytes are rendered at each
      -- attempt, so a late print carries its CETAK ULANG mark and today's people ahead.
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        ticket_id TEXT NOT NULL,
        day TEXT NOT NULL,
        -- 1: printed with the CETAK ULANG mark (asked for again, or its visitor was told it failed).
        reprint INTEGER NOT NULL,
        requested_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('queued', 'printed', 'unknown', 'dropped')),
        detail TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX print_jobs_queued ON print_jobs(id) WHERE state = 'queued';
      CREATE INDEX print_jobs_ticket ON print_jobs(ticket_id);
      CREATE INDEX tickets_print_trouble ON tickets(day)
        WHERE print_state LIKE 'failed:%' OR print_state LIKE 'unknown:%';
    `,
  },
  // ---- migration 6 (central roll-up outbox, issue 22) ----
  {
    version: 6,
    name: 'an outbox of closed days for the central roll-up service',
    sql: `
      -- One row per closed office day: the facts last queued for the central service (central-outbox.ts),
      -- their version (grows when they change), the version central acknowledged, and a dirty mark set
      -- whenever report_days keeps the day's facts again, so the next push step compares and re-queues.
      CREATE TABLE central_outbox (
        day TEXT PRIMARY KEY,
        version INTEGER NOT NULL DEFAULT 0,
        payload TEXT,
        sent_version INTEGER NOT NULL DEFAULT 0,
        dirty INTEGER NOT NULL DEFAULT 1
      ) WITHOUT ROWID;
      CREATE INDEX central_outbox_dirty ON central_outbox(day) WHERE dirty = 1;
      CREATE INDEX central_outbox_pending ON central_outbox(day) WHERE sent_version < version;
      INSERT INTO central_outbox (day) SELECT day FROM report_days;
      CREATE TRIGGER report_days_central_outbox AFTER INSERT ON report_days
        BEGIN
          INSERT INTO central_outbox (day) VALUES (NEW.day) ON CONFLICT (day) DO UPDATE SET dirty = 1;
        END;
    `,
  },
  // ---------- pilot-b (issue 19): complaint follow-up; report facts with called/breach counts ----------
  {
    version: 7,
    name: 'complaints are followed up (who, response, when); kept report facts are recomputed',
    sql: `
      -- ISO 9001 complaint handling: complaint_status (baru, ditindaklanjuti, selesai) was there;
      -- who handled it (a staff id), the response given and when.
      ALTER TABLE ratings ADD COLUMN complaint_handler TEXT;
      ALTER TABLE ratings ADD COLUMN complaint_response TEXT NOT NULL DEFAULT '';
      ALTER TABLE ratings ADD COLUMN complaint_responded_at INTEGER;
      -- The summaries in report_days gained called and breach counts: recompute them on demand.
      DELETE FROM report_days;
    `,
  },
  // ---- issue 21: online requests (and, below, appointments) ----
  {
    version: 8,
    name: 'online requests with their history (requester kept like a guest-book entry); appointments; online ratings',
    sql: `
      -- One row per online request: the projection of its online.* events (in the events log as kind
      -- 'audit', so the walk-in day's replay never reads them). requester: the guest-book-like entry (JSON).
      CREATE TABLE online_requests (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        channel TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        recorded_by TEXT NOT NULL,
        requester TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        topic TEXT NOT NULL,
        data_needed TEXT NOT NULL,
        state TEXT NOT NULL,
        close_reason TEXT,
        clock_started_at INTEGER,
        due_at INTEGER,
        first_answered_at INTEGER,
        waiting_on_user_since INTEGER,
        closed_at INTEGER,
        last_change_at INTEGER NOT NULL,
        erased_at INTEGER
      );
      CREATE INDEX online_requests_open ON online_requests(due_at) WHERE state != 'ditutup';
      CREATE INDEX online_requests_day ON online_requests(day);
      CREATE INDEX online_requests_phone ON online_requests(phone);
      CREATE INDEX online_requests_email ON online_requests(email);

      -- Every exchange (kind 'note': from the user, to the user, internal) and change of state, with who.
      CREATE TABLE online_history (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL REFERENCES online_requests(id),
        at INTEGER NOT NULL,
        staff_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('note', 'state')),
        direction TEXT,
        state TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX online_history_request ON online_history(request_id);

      -- Appointments (janji temu) for the follow-up: in person (redeemed at the kiosk with its code) or Zoom.
      CREATE TABLE appointments (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        day TEXT NOT NULL,
        request_id TEXT REFERENCES online_requests(id),
        kind TEXT NOT NULL CHECK (kind IN ('langsung', 'zoom')),
        service_id TEXT NOT NULL,
        slot_at INTEGER NOT NULL,
        staff_id TEXT,
        desk_id TEXT,
        requester_name TEXT NOT NULL,
        phone TEXT NOT NULL,
        zoom_link TEXT NOT NULL,
        ticket_id TEXT,
        redeemed_at INTEGER,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX appointments_day ON appointments(day, slot_at);

      -- The SKM answers of an online user (same 9 elements as a walk-in's): filled on the form staff open
      -- from the request, or typed in by staff from the user's WhatsApp answers (source 'whatsapp').
      CREATE TABLE online_ratings (
        id INTEGER PRIMARY KEY,
        request_id TEXT NOT NULL UNIQUE REFERENCES online_requests(id),
        day TEXT NOT NULL,
        at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('formulir', 'whatsapp')),
        overall INTEGER NOT NULL,
        scores TEXT NOT NULL,
        imbalan INTEGER,
        pungli INTEGER,
        complaint TEXT NOT NULL,
        entered_by TEXT NOT NULL
      );
      CREATE INDEX online_ratings_day ON online_ratings(day);
    `,
  },
  // ---- issue 20, part 1: chosen (out-of-order) calls ----
  {
    version: 9,
    name: 'chosen calls: reason, note, staff and the tickets overtaken, for the reports',
    sql: `
      -- The projection of each ticket.called event that carries a chosen call (the event itself, in events,
      -- is the audit record). overtook: JSON array of the ticket ids waiting ahead of it in its queue;
      -- overtaken: their count (0: the chosen ticket was the head, an in-order call).
      CREATE TABLE chosen_calls (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        at INTEGER NOT NULL,
        ticket_id TEXT NOT NULL,
        queue TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        note TEXT NOT NULL,
        overtook TEXT NOT NULL,
        overtaken INTEGER NOT NULL
      );
      CREATE INDEX chosen_calls_day ON chosen_calls(day);
    `,
  },
  // ---- issue 20, part 2: hold (tunda) and send to a named desk ----
  {
    version: 10,
    name: 'stages keep their parked time (not service time) and the desk a ticket was sent to',
    sql: `
      -- parked_at: parked now (null otherwise); parked_ms: time parked so far; service_parked_ms: the part
      -- after the service started, which reports take off the service time. for_desk_id: sent to that desk.
      ALTER TABLE stages ADD COLUMN parked_at INTEGER;
      ALTER TABLE stages ADD COLUMN parked_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stages ADD COLUMN service_parked_ms INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stages ADD COLUMN for_desk_id TEXT;
    `,
  },
  // ---- leftovers of issues 16, 17, 21 ----
  {
    version: 11,
    name: 'wrong appointment codes kept, Zoom attendance',
    sql: `
      -- Wrong appointment codes in a row per kiosk (code-throttle.ts), on disk so a restart forgives nothing.
      CREATE TABLE code_attempts (
        key TEXT PRIMARY KEY,
        wrong INTEGER NOT NULL,
        blocked_until INTEGER NOT NULL
      );

      -- A Zoom appointment has no kiosk check-in: staff mark it attended (1) or not (0), when and who.
      ALTER TABLE appointments ADD COLUMN attended INTEGER CHECK (attended IN (0, 1));
      ALTER TABLE appointments ADD COLUMN attendance_at INTEGER;
      ALTER TABLE appointments ADD COLUMN attendance_by TEXT;
    `,
  },
  // ---- desk control audit: a ticket sent to a named desk, called there ahead of its queue ----
  {
    version: 12,
    name: 'sent calls: who sent a ticket to a desk, how, and the tickets its first call there overtook',
    sql: `
      -- The projection of each ticket.called event that carries a send (its first call at the desk it was
      -- sent to; the event itself, in events, is the audit record). desk_id/staff_id: who called it;
      -- from_desk_id/sent_by: who sent it; via: 'guest-book' or 'send'; overtook: JSON array of the ticket
      -- ids of its queue waiting ahead of its place there; overtaken: their count.
      CREATE TABLE sent_calls (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        at INTEGER NOT NULL,
        ticket_id TEXT NOT NULL,
        queue TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        from_desk_id TEXT NOT NULL,
        sent_by TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('guest-book', 'send')),
        overtook TEXT NOT NULL,
        overtaken INTEGER NOT NULL,
        -- A ticket's first call at the desk it was sent to: one row however often its event is projected.
        UNIQUE (ticket_id, at)
      );
      CREATE INDEX sent_calls_day ON sent_calls(day);
    `,
  },
  // ---- desk control audit: every move out of turn in one table, the head-of-queue moves with them ----
  {
    version: 13,
    name: 'one audit table for moves out of turn: chosen calls, sent calls, tickets put at the head of a queue',
    sql: `
      -- The projection of each event that moves a ticket out of turn (the event, in events, is the audit
      -- record). kind: 'chosen' (a chosen call), 'sent' (a sent ticket's first call at its desk), 'to-head'
      -- (Kembalikan ke antrian sebelumnya, or a parked ticket back to its queue: at the head).
      -- desk_id/staff_id: the desk and staff member that called it (chosen, sent) or moved it (to-head);
      -- decided_by: who chose the move (the caller, the sender, the mover); from_desk_id: a sent ticket's
      -- desk it was sent from; how: the reason (chosen), 'guest-book' or 'send' (sent), 'transfer-back'
      -- or 'requeue' (to-head); overtook: JSON array of the ticket ids it went ahead of; overtaken: their
      -- count. One row per event however often it is projected.
      CREATE TABLE out_of_turn (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('chosen', 'sent', 'to-head')),
        day TEXT NOT NULL,
        at INTEGER NOT NULL,
        ticket_id TEXT NOT NULL,
        queue TEXT NOT NULL,
        desk_id TEXT NOT NULL,
        staff_id TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        from_desk_id TEXT,
        how TEXT NOT NULL,
        note TEXT NOT NULL,
        overtook TEXT NOT NULL,
        overtaken INTEGER NOT NULL,
        UNIQUE (kind, ticket_id, at),
        CHECK (kind = 'chosen' OR (kind = 'sent' AND how IN ('guest-book', 'send'))
          OR (kind = 'to-head' AND how IN ('transfer-back', 'requeue')))
      );
      CREATE INDEX out_of_turn_day ON out_of_turn(kind, day);
      INSERT OR IGNORE INTO out_of_turn (kind, day, at, ticket_id, queue, desk_id, staff_id, decided_by, how, note,
          overtook, overtaken)
        SELECT 'chosen', day, at, ticket_id, queue, desk_id, staff_id, staff_id, reason, note, overtook, overtaken
        FROM chosen_calls ORDER BY id;
      INSERT OR IGNORE INTO out_of_turn (kind, day, at, ticket_id, queue, desk_id, staff_id, decided_by,
          from_desk_id, how, note, overtook, overtaken)
        SELECT 'sent', day, at, ticket_id, queue, desk_id, staff_id, sent_by, from_desk_id, via, '', overtook,
          overtaken
        FROM sent_calls ORDER BY id;
      DROP TABLE chosen_calls;
      DROP TABLE sent_calls;
    `,
  },
];
