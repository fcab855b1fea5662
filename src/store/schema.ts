/**
 * The store's schema, one for SQLite and PostgreSQL: each migration is SQL both accept (TEXT,
 * INTEGER, BIGINT; times as milliseconds since the epoch; JSON as TEXT), applied in order at
 * start-up and recorded in schema_migrations. A new table is a new migration at the end; a
 * migration, once released, is never edited.
 */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** The table that records which migrations a database has had. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/** Every migration, in the order they are applied; new ones are added at the end. */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'outbox',
    statements: [
      `CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        system TEXT NOT NULL,
        ticket TEXT NOT NULL,
        delivery_key TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL,
        requests TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        give_up_at BIGINT NOT NULL,
        next_attempt_at BIGINT,
        lease_owner TEXT,
        delivered_at BIGINT,
        last_status INTEGER,
        last_answer TEXT
      )`,
      // What claim looks for: only rows that can still be sent are in it.
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state IN ('queued', 'sending', 'retrying')`,
      // Listing, newest first, page by page.
      `CREATE INDEX deliveries_created ON deliveries (created_at, id)`,
      `CREATE TABLE delivery_attempts (
        delivery_id TEXT NOT NULL REFERENCES deliveries (id),
        number INTEGER NOT NULL,
        request INTEGER NOT NULL,
        instance TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        status INTEGER,
        answer TEXT NOT NULL,
        PRIMARY KEY (delivery_id, number)
      )`,
    ],
  },
  {
    // A key is no longer posted once ever but once per change: a ticket whose annotation goes from
    // A to B and back to A gets A again, since B is the note it shows last. The key's uniqueness
    // goes (neither database drops a UNIQUE the same way, so the tables are rebuilt and renamed
    // back), and each ticket's last recorded annotation is kept in a table of its own, filled from
    // the deliveries so far: the newest of each ticket, the id breaking a tie of milliseconds.
    version: 2,
    name: 'one delivery per change of annotation',
    statements: [
      `CREATE TABLE outbox_deliveries (
        id TEXT PRIMARY KEY,
        system TEXT NOT NULL,
        ticket TEXT NOT NULL,
        delivery_key TEXT NOT NULL,
        state TEXT NOT NULL,
        requests TEXT NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL,
        give_up_at BIGINT NOT NULL,
        next_attempt_at BIGINT,
        lease_owner TEXT,
        delivered_at BIGINT,
        last_status INTEGER,
        last_answer TEXT
      )`,
      `INSERT INTO outbox_deliveries (id, system, ticket, delivery_key, state, requests, done, attempts, created_at, give_up_at, next_attempt_at, lease_owner, delivered_at, last_status, last_answer)
        SELECT id, system, ticket, delivery_key, state, requests, done, attempts, created_at, give_up_at, next_attempt_at, lease_owner, delivered_at, last_status, last_answer FROM deliveries`,
      `CREATE TABLE outbox_attempts (
        delivery_id TEXT NOT NULL REFERENCES outbox_deliveries (id),
        number INTEGER NOT NULL,
        request INTEGER NOT NULL,
        instance TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        duration_ms INTEGER NOT NULL,
        outcome TEXT NOT NULL,
        status INTEGER,
        answer TEXT NOT NULL,
        PRIMARY KEY (delivery_id, number)
      )`,
      `INSERT INTO outbox_attempts (delivery_id, number, request, instance, started_at, duration_ms, outcome, status, answer)
        SELECT delivery_id, number, request, instance, started_at, duration_ms, outcome, status, answer FROM delivery_attempts`,
      'DROP TABLE delivery_attempts',
      'DROP TABLE deliveries',
      // Both rename what refers to a table with it: the attempts' foreign key follows.
      'ALTER TABLE outbox_deliveries RENAME TO deliveries',
      'ALTER TABLE outbox_attempts RENAME TO delivery_attempts',
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state IN ('queued', 'sending', 'retrying')`,
      `CREATE INDEX deliveries_created ON deliveries (created_at, id)`,
      // A ticket's deliveries, oldest first.
      `CREATE INDEX deliveries_ticket ON deliveries (system, ticket, created_at, id)`,
      // The annotation last recorded for each ticket, and its delivery: what a webhook's is compared with.
      `CREATE TABLE ticket_annotations (
        system TEXT NOT NULL,
        ticket TEXT NOT NULL,
        delivery_key TEXT NOT NULL,
        delivery_id TEXT NOT NULL,
        PRIMARY KEY (system, ticket)
      )`,
      `INSERT INTO ticket_annotations (system, ticket, delivery_key, delivery_id)
        SELECT system, ticket, delivery_key, id FROM deliveries d
        WHERE NOT EXISTS (
          SELECT 1 FROM deliveries n WHERE n.system = d.system AND n.ticket = d.ticket
            AND (n.created_at > d.created_at OR (n.created_at = d.created_at AND n.id > d.id))
        )`,
    ],
  },
  {
    // The decision log (issue #19): every diagnosis, annotation and webhook decision, the
    // outcomes reported for them, and the hourly counters the field figures are read from, so
    // that GET /v1/stats adds up a few thousand rows however many decisions there are.
    version: 3,
    name: 'decision log',
    statements: [
      `CREATE TABLE decisions (
        id TEXT PRIMARY KEY,
        at BIGINT NOT NULL,
        kind TEXT NOT NULL,
        kb_revision TEXT NOT NULL,
        caller TEXT,
        ticket_system TEXT,
        ticket_id TEXT,
        content_key TEXT NOT NULL
      )`,
      // What decisions decided (facts, diagnoses, questions, text), once per distinct content: the
      // same answer served again and again (a chatbot's opening turn, the answer cache) is one row,
      // and a decision a row of a hundred bytes. last_at is the latest decision that uses it, for
      // retention.
      `CREATE TABLE decision_contents (
        content_key TEXT PRIMARY KEY,
        content TEXT NOT NULL,
        last_at BIGINT NOT NULL
      )`,
      `CREATE INDEX decision_contents_last ON decision_contents (last_at)`,
      // Retention deletes by age.
      `CREATE INDEX decisions_at ON decisions (at)`,
      // A ticket's "solved" event looks for its latest decision.
      `CREATE INDEX decisions_ticket ON decisions (ticket_system, ticket_id, at) WHERE ticket_system IS NOT NULL`,
      `CREATE TABLE decision_outcomes (
        decision_id TEXT NOT NULL,
        at BIGINT NOT NULL,
        kind TEXT NOT NULL,
        diagnosis TEXT,
        workaround TEXT,
        source TEXT NOT NULL,
        caller TEXT
      )`,
      `CREATE INDEX decision_outcomes_decision ON decision_outcomes (decision_id, at)`,
      // Each counter per hour and per day (span, in milliseconds): a range of time adds up the
      // days it covers whole and the hours at its ends, a few thousand rows for a month. The key
      // starts with the kind, so the figures never walk the facts' counters, nor the priors the rest.
      `CREATE TABLE decision_counts (
        kind TEXT NOT NULL,
        span BIGINT NOT NULL,
        hour BIGINT NOT NULL,
        kb_revision TEXT NOT NULL,
        item TEXT NOT NULL,
        measure TEXT NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (kind, span, hour, kb_revision, item, measure)
      )`,
    ],
  },
];
