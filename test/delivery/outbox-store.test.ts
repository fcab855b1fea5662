import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { NewDelivery, Outbox } from '../../src/delivery/outbox';
import { SQLITE_FILE } from '../../src/store/sqlite-store';
import { openStore } from '../../src/store/store';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/store/schema';
import { freshDatabase } from '../support/postgres';
import { STORE_KINDS, testStore, type TestStore } from '../support/stores';

// The same cases for both stores: the outbox's contract does not depend on the database.

const HOUR = 3_600_000;
let n = 0;
const delivery = (over: Partial<NewDelivery> = {}): NewDelivery => {
  n += 1;
  return {
    id: `d-${n}`,
    system: 'zendesk',
    ticket: String(n),
    key: `zendesk:${n}:digest`,
    requests: [{ method: 'PUT', path: `/api/v2/tickets/${n}.json`, body: { ticket: { comment: { body: 'note', public: false } } } }],
    ...over,
  };
};
const accepted = { request: 0, startedAt: 1000, durationMs: 5, outcome: 'accepted' as const, answer: { status: 200, body: '{}' } };

describe.each(STORE_KINDS)('the %s store', (kind) => {
  let t: TestStore;
  let outbox: Outbox;
  beforeEach(async () => {
    t = await testStore(kind);
    outbox = t.store.outbox;
  });
  afterEach(() => t.dispose());

  it('when a delivery is enqueued twice with one key, then the second is a duplicate of the first', async () => {
    const first = await outbox.enqueue(delivery({ ticket: 't', key: 'k' }), 1000, 1000 + HOUR);
    const second = await outbox.enqueue(delivery({ ticket: 't', key: 'k' }), 2000, 2000 + HOUR);
    expect(first).toMatchObject({ duplicate: false, delivery: { state: 'queued', attempts: 0, done: 0, createdAt: 1000, nextAttemptAt: 1000 } });
    expect(second).toEqual({ duplicate: true, delivery: first.delivery });
    expect(await outbox.list({ limit: 10 })).toHaveLength(1);
  });

  it("when a ticket's annotation changes from A to B and back to A, then the return to A is a new delivery, and A again is its duplicate", async () => {
    const a = await outbox.enqueue(delivery({ ticket: 't', key: 'A' }), 1000, 1000 + HOUR);
    const b = await outbox.enqueue(delivery({ ticket: 't', key: 'B' }), 2000, 2000 + HOUR);
    const back = await outbox.enqueue(delivery({ ticket: 't', key: 'A' }), 3000, 3000 + HOUR);
    const again = await outbox.enqueue(delivery({ ticket: 't', key: 'A' }), 4000, 4000 + HOUR);
    expect([a, b, back].map((r) => r.duplicate)).toEqual([false, false, false]);
    expect(new Set([a, b, back].map((r) => r.delivery.id)).size).toBe(3);
    expect(again).toEqual({ duplicate: true, delivery: back.delivery });
    // Another ticket with what is the last annotation of this one is its own.
    expect((await outbox.enqueue(delivery({ ticket: 'u', key: 'A' }), 5000, 5000 + HOUR)).duplicate).toBe(false);
    expect((await outbox.list({ limit: 10 })).map((d) => d.key)).toEqual(['A', 'A', 'B', 'A']);
  });

  it('when two instances record one new annotation of a ticket at once, then one records it and the other gets its duplicate', async () => {
    const other = await openStore(t.settings);
    try {
      await outbox.enqueue(delivery({ ticket: 't', key: 'A' }), 1000, HOUR);
      for (const [round, key] of ['B', 'A', 'B', 'A'].entries()) {
        const receipts = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? other : t.store).outbox.enqueue(delivery({ ticket: 't', key }), 2000 + round, HOUR)));
        expect(receipts.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(receipts.map((r) => r.delivery.id)).size).toBe(1);
      }
      expect(await outbox.list({ limit: 10 })).toHaveLength(5);
    } finally {
      await other.close();
    }
  });

  it('when deliveries are due, then claim takes them with a lease, and not again until it runs out', async () => {
    const { delivery: d } = await outbox.enqueue(delivery(), 1000, 1000 + HOUR);
    await outbox.enqueue(delivery(), 50_000, 50_000 + HOUR); // not due before 50,000
    expect((await outbox.claim('a', 2000, 9000, 10)).map((c) => c.id)).toEqual([d.id]);
    expect(await outbox.claim('b', 3000, 9000, 10)).toEqual([]);
    // The lease ran out (a crashed instance): another takes it, and the first may no longer record.
    const [again] = await outbox.claim('b', 9000, 20_000, 1);
    expect(again).toMatchObject({ id: d.id, state: 'sending', leaseOwner: 'b' });
    expect(await outbox.finishAttempt(d.id, 'a', accepted, { state: 'delivered', done: 1, deliveredAt: 9500 })).toBe(false);
    expect(await outbox.finishAttempt(d.id, 'b', accepted, { state: 'delivered', done: 1, deliveredAt: 9500 })).toBe(true);
    expect((await outbox.claim('c', 100_000, 200_000, 10)).map((c) => c.id)).not.toContain(d.id);
  });

  it('when attempts are recorded, then get returns them in order with the last answer and the next try', async () => {
    const { delivery: d } = await outbox.enqueue(delivery(), 1000, 1000 + HOUR);
    await outbox.claim('a', 1000, 60_000, 1);
    await outbox.finishAttempt(d.id, 'a', { ...accepted, outcome: 'retry', answer: { status: 503, body: 'down' } }, { state: 'retrying', done: 0, nextAttemptAt: 3000 });
    await outbox.claim('a', 3000, 60_000, 1);
    await outbox.finishAttempt(d.id, 'a', { ...accepted, outcome: 'retry', answer: { body: 'no answer within 30000 ms' } }, { state: 'retrying', done: 0, nextAttemptAt: 7000 });
    const found = await outbox.get(d.id);
    expect(found?.delivery).toMatchObject({ state: 'retrying', attempts: 2, nextAttemptAt: 7000, lastAnswer: { body: 'no answer within 30000 ms' } });
    expect(found?.delivery.leaseOwner).toBeUndefined();
    expect(found?.attempts.map((a) => [a.number, a.instance, a.answer])).toEqual([
      [1, 'a', { status: 503, body: 'down' }],
      [2, 'a', { body: 'no answer within 30000 ms' }],
    ]);
    expect(await outbox.get('nothing')).toBeUndefined();
  });

  it('when a dead letter is requeued, then it is due again with a new give-up time; anything else is not requeued', async () => {
    const { delivery: d } = await outbox.enqueue(delivery(), 1000, 1000 + HOUR);
    expect(await outbox.requeue(d.id, 2000, 2000 + HOUR)).toBeUndefined();
    await outbox.claim('a', 1000, 60_000, 1);
    await outbox.finishAttempt(d.id, 'a', { ...accepted, outcome: 'dead', answer: { status: 401, body: 'bad token' } }, { state: 'dead', done: 0 });
    expect(await outbox.claim('a', 100_000, 200_000, 1)).toEqual([]);
    expect(await outbox.requeue(d.id, 5000, 5000 + HOUR)).toMatchObject({ state: 'queued', nextAttemptAt: 5000, giveUpAt: 5000 + HOUR, attempts: 1 });
    expect((await outbox.claim('a', 5000, 60_000, 1)).map((c) => c.id)).toEqual([d.id]);
  });

  it('lists newest first, filtered by state and system, page by page without a gap or a repeat', async () => {
    for (let i = 0; i < 7; i += 1) await outbox.enqueue(delivery({ system: i % 2 ? 'jira' : 'zendesk' }), 1000 + Math.floor(i / 2), HOUR);
    const all = await outbox.list({ limit: 100 });
    expect(all.map((d) => d.createdAt)).toEqual([...all.map((d) => d.createdAt)].sort((a, b) => b - a));
    const pages: string[] = [];
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const page = await outbox.list({ limit: 3, ...(after ? { after } : {}) });
      pages.push(...page.map((d) => d.id));
      if (page.length < 3) break;
      after = { createdAt: page[2]!.createdAt, id: page[2]!.id };
    }
    expect(pages).toEqual(all.map((d) => d.id));
    expect((await outbox.list({ limit: 100, system: 'jira' })).every((d) => d.system === 'jira')).toBe(true);
    expect(await outbox.list({ limit: 100, system: 'jira' })).toHaveLength(3);
    expect(await outbox.list({ limit: 100, state: 'dead' })).toEqual([]);
    expect(await outbox.counts()).toEqual(
      expect.arrayContaining([
        { system: 'zendesk', state: 'queued', count: 4 },
        { system: 'jira', state: 'queued', count: 3 },
      ]),
    );
  });

  it('when it is opened again, then the migrations are not run twice and what it held is there', async () => {
    await outbox.enqueue(delivery({ key: 'kept' }), 1000, HOUR);
    const again = await openStore(t.settings);
    try {
      expect((await again.outbox.list({ limit: 10 })).map((d) => d.key)).toEqual(['kept']);
    } finally {
      await again.close();
    }
  });

  it('when two instances claim at once, then no delivery goes to both', async () => {
    for (let i = 0; i < 40; i += 1) await outbox.enqueue(delivery(), 1000, HOUR);
    const other = await openStore(t.settings);
    try {
      const claims = await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? other : t.store).outbox.claim(`i${i}`, 2000, 60_000, 15)));
      const ids = claims.flat().map((d) => d.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    } finally {
      await other.close();
    }
  });

  it('when a ticket has several deliveries waiting, then claim takes them one at a time, oldest first, so that its last annotation is posted last', async () => {
    const { delivery: a } = await outbox.enqueue(delivery({ ticket: 't', key: 'A' }), 1000, 1000 + HOUR);
    const { delivery: b } = await outbox.enqueue(delivery({ ticket: 't', key: 'B' }), 2000, 2000 + HOUR);
    const { delivery: c } = await outbox.enqueue(delivery({ ticket: 'u', key: 'C' }), 1500, 1500 + HOUR);
    expect((await outbox.claim('i', 3000, 4000, 10)).map((d) => d.id).sort()).toEqual([a.id, c.id].sort());
    await outbox.finishAttempt(c.id, 'i', accepted, { state: 'delivered', done: 1, deliveredAt: 3100 });
    // A failed and waits for its retry: B waits behind it, on another instance too.
    await outbox.finishAttempt(a.id, 'i', { ...accepted, outcome: 'retry', answer: { status: 503, body: 'down' } }, { state: 'retrying', done: 0, nextAttemptAt: 5000 });
    expect(await outbox.claim('j', 4500, 6000, 10)).toEqual([]);
    expect((await outbox.claim('j', 5000, 6000, 10)).map((d) => d.id)).toEqual([a.id]);
    await outbox.finishAttempt(a.id, 'j', { ...accepted, outcome: 'dead', answer: { status: 404, body: 'gone' } }, { state: 'dead', done: 0 });
    // A dead letter holds nothing up.
    expect((await outbox.claim('j', 5100, 6000, 10)).map((d) => d.id)).toEqual([b.id]);
  });

  it('when a lease is renewed, then only by its holder, and no one claims the delivery before the new lease runs out', async () => {
    const { delivery: d } = await outbox.enqueue(delivery(), 1000, 1000 + HOUR);
    await outbox.claim('a', 1000, 5000, 1);
    expect(await outbox.renew(d.id, 'b', 20_000)).toBe(false);
    expect(await outbox.renew(d.id, 'a', 20_000)).toBe(true);
    expect(await outbox.claim('b', 19_999, 30_000, 1)).toEqual([]);
    expect((await outbox.claim('b', 20_000, 30_000, 1)).map((c) => c.id)).toEqual([d.id]);
    // b has it now: a's renewal is refused, and so it sends nothing.
    expect(await outbox.renew(d.id, 'a', 40_000)).toBe(false);
    await outbox.finishAttempt(d.id, 'b', accepted, { state: 'delivered', done: 1, deliveredAt: 21_000 });
    expect(await outbox.renew(d.id, 'b', 40_000)).toBe(false);
  });

  it('when the leases of many deliveries run out, then instances claiming them at once take each one once', async () => {
    for (let i = 0; i < 40; i += 1) await outbox.enqueue(delivery(), 1000, HOUR);
    expect(await outbox.claim('a', 1000, 5000, 40)).toHaveLength(40);
    const other = await openStore(t.settings);
    try {
      for (const round of [1, 2, 3]) {
        const now = 5000 * round;
        const claims = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? other : t.store).outbox.claim(`i${i}`, now, now + 5000, 10)));
        const ids = claims.flat().map((d) => d.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(40);
      }
    } finally {
      await other.close();
    }
  });

  it('records its schema version, one per migration', async () => {
    let versions: unknown[];
    if (kind === 'sqlite') {
      const db = new Database(path.join(t.settings.dataDir, SQLITE_FILE), { readonly: true });
      versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      db.close();
    } else {
      const client = new pg.Client({ connectionString: t.settings.databaseUrl });
      await client.connect();
      versions = (await client.query<{ version: unknown }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version);
      await client.end();
    }
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
  });
});

describe.each(STORE_KINDS)('a %s database of schema version 1 (a key posted once ever)', (kind) => {
  it("when a release with version 2 starts on it, then its deliveries and attempts are kept, and each ticket's newest delivery is its last annotation", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-v1-'));
    const database = kind === 'postgres' ? await freshDatabase() : undefined;
    const run = async (statements: string[]) => {
      if (database) {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        for (const statement of statements) await client.query(statement);
        await client.end();
      } else {
        const db = new Database(path.join(dataDir, SQLITE_FILE));
        for (const statement of statements) db.exec(statement);
        db.close();
      }
    };
    const row = (id: string, ticket: string, key: string, createdAt: number, state: string) =>
      `INSERT INTO deliveries (id, system, ticket, delivery_key, state, requests, created_at, give_up_at, next_attempt_at) VALUES ('${id}', 'zendesk', '${ticket}', '${key}', '${state}', '[]', ${createdAt}, ${createdAt + HOUR}, ${state === 'queued' ? createdAt : 'NULL'})`;
    await run([
      MIGRATIONS_TABLE,
      ...MIGRATIONS[0]!.statements,
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'outbox', 0)",
      row('d1', 't1', 'A', 1000, 'delivered'),
      row('d2', 't1', 'B', 2000, 'delivered'),
      row('d3', 't2', 'C', 3000, 'queued'),
      row('d4', 't3', 'D', 4000, 'delivered'),
      row('d5', 't3', 'E', 4000, 'delivered'),
      "INSERT INTO delivery_attempts (delivery_id, number, request, instance, started_at, duration_ms, outcome, status, answer) VALUES ('d1', 1, 0, 'i', 1000, 5, 'accepted', 200, '{}')",
    ]);
    const store = await openStore({ dataDir, ...(database ? { databaseUrl: database.url } : {}) });
    try {
      const { outbox } = store;
      const enqueue = (ticket: string, key: string) => outbox.enqueue({ id: `new-${ticket}-${key}`, system: 'zendesk', ticket, key, requests: [] }, 9000, 9000 + HOUR);
      expect(await enqueue('t1', 'B')).toMatchObject({ duplicate: true, delivery: { id: 'd2' } });
      expect(await enqueue('t2', 'C')).toMatchObject({ duplicate: true, delivery: { id: 'd3', state: 'queued' } });
      // Two deliveries of one millisecond: the greater id is taken as the later.
      expect(await enqueue('t3', 'E')).toMatchObject({ duplicate: true, delivery: { id: 'd5' } });
      expect(await enqueue('t1', 'A')).toMatchObject({ duplicate: false, delivery: { id: 'new-t1-A', state: 'queued' } });
      expect((await outbox.get('d1'))?.attempts).toMatchObject([{ number: 1, outcome: 'accepted', answer: { status: 200 } }]);
      expect((await outbox.claim('i', 10_000, 20_000, 10)).map((d) => d.id).sort()).toEqual(['d3', 'new-t1-A']);
      await outbox.finishAttempt('d3', 'i', accepted, { state: 'delivered', done: 1, deliveredAt: 10_500 });
      expect((await outbox.get('d3'))?.attempts).toHaveLength(1);
    } finally {
      await store.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

it('a database migrated by a newer release is refused at start-up, rather than misread', async () => {
  const t = await testStore('sqlite');
  try {
    const db = new Database(path.join(t.settings.dataDir, SQLITE_FILE));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('future');
    db.close();
    await expect(openStore(t.settings)).rejects.toThrow('the database has schema version 999, newer than this release knows');
  } finally {
    await t.dispose();
  }
});
