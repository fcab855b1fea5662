import Database from 'better-sqlite3';
import path from 'node:path';
import pg from 'pg';
import { SQLITE_FILE } from '../../src/store/sqlite-store';
import { logged, type Decision, type Outcome } from '../../src/decisions/decision';
import type { DecisionLog } from '../../src/decisions/decision-log';
import { batchTallies, outcomeTallies } from '../../src/decisions/tallies';
import { openStore } from '../../src/store/store';
import { STORE_KINDS, testStore, type TestStore } from '../support/stores';

// The same cases for both stores: the decision log's contract does not depend on the database.

const HOUR = 3_600_000;
let n = 0;
const decision = (over: Partial<Decision> = {}): Decision => {
  n += 1;
  return {
    id: `dec-${n}`,
    at: 10 * HOUR + n,
    kind: 'diagnose',
    kbRevision: 'rev1',
    caller: 'helpdesk',
    facts: { natMode: { value: 'many-to-one', source: 'stated' }, addressTranslation: { value: true, source: 'derived', from: ['natMode'] } },
    unknown: [],
    diagnoses: [
      {
        id: 'KB291615.nat-loses-rpc-information',
        article: 'KB291615',
        status: 'confirmed',
        workarounds: [
          { id: 'KB291615.one-to-one-translation', applicable: true },
          { id: 'KB291615.outlook-web-access', applicable: null },
        ],
      },
    ],
    questions: [],
    ...over,
  };
};

const write = (log: DecisionLog, decisions: Decision[]) => log.record(decisions.map(logged), batchTallies(decisions.map(logged)));
const report = (log: DecisionLog, d: Decision, outcome: Omit<Outcome, 'decisionId' | 'at' | 'source'>) => {
  const full: Outcome = { decisionId: d.id, at: d.at + 1000, source: 'agent', ...outcome };
  return log.addOutcome(full, outcomeTallies(d, full));
};
const figures = async (log: DecisionLog, filter = {}) => Object.fromEntries((await log.sums(filter)).map((s) => [`${s.kind}/${s.item}/${s.measure}`, s.n]));

/** The rows a table of the store holds, read with the database's own client. */
async function rowCount(t: TestStore, kind: string, table: string): Promise<number> {
  if (kind === 'sqlite') {
    const db = new Database(path.join(t.settings.dataDir, SQLITE_FILE), { readonly: true });
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: t.settings.databaseUrl });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]!.n);
  } finally {
    await client.end();
  }
}

describe.each(STORE_KINDS)('the decision log of the %s store', (kind) => {
  let t: TestStore;
  let log: DecisionLog;
  beforeEach(async () => {
    t = await testStore(kind);
    log = t.store.decisions;
  });
  afterEach(() => t.dispose());

  it('when decisions are recorded, then each is read back as it was, with its outcomes oldest first', async () => {
    const a = decision({ ticket: { system: 'zendesk', id: '42' }, text: { subject: 'Outlook', body: 'NAT' } });
    const b = decision({ caller: undefined as unknown as string });
    delete (b as Partial<Decision>).caller;
    await write(log, [a, b]);
    expect(await log.get(a.id)).toEqual({ decision: a, outcomes: [] });
    expect((await log.get(b.id))?.decision).toEqual(b);
    await report(log, a, { kind: 'rejected', diagnosis: 'KB291615.nat-loses-rpc-information' });
    await report(log, a, { kind: 'resolved', workaround: 'KB291615.one-to-one-translation', caller: 'agent-7' });
    expect((await log.get(a.id))?.outcomes).toEqual([
      { decisionId: a.id, at: a.at + 1000, kind: 'rejected', diagnosis: 'KB291615.nat-loses-rpc-information', source: 'agent' },
      { decisionId: a.id, at: a.at + 1000, kind: 'resolved', workaround: 'KB291615.one-to-one-translation', source: 'agent', caller: 'agent-7' },
    ]);
    expect(await log.get('nothing')).toBeUndefined();
  });

  it('keeps a content that many decisions share once, and drops it when the last decision using it is purged', async () => {
    const shared = decision();
    // What the decisions share: all but their own id, time and caller.
    const content = Object.fromEntries(Object.entries(shared).filter(([key]) => !['id', 'at', 'caller'].includes(key))) as Omit<typeof shared, 'id' | 'at' | 'caller'>;
    const many = [0, 1, 2, 3].map((i) => ({ id: `shared-${i}`, at: 10 * HOUR + i, caller: 'helpdesk', content }));
    await log.record(many, batchTallies(many));
    expect((await log.get('shared-3'))?.decision).toMatchObject({ id: 'shared-3', diagnoses: shared.diagnoses });
    expect(await rowCount(t, kind, 'decision_contents')).toBe(1);
    await log.purge(23 * HOUR);
    expect(await rowCount(t, kind, 'decision_contents')).toBe(1);
    await log.purge(25 * HOUR);
    expect(await rowCount(t, kind, 'decision_contents')).toBe(0);
  });

  it("finds a ticket's latest decision by its system and id", async () => {
    const first = decision({ ticket: { system: 'jira', id: '10042' } });
    const latest = decision({ ticket: { system: 'jira', id: '10042' } });
    await write(log, [first, decision({ ticket: { system: 'zendesk', id: '10042' } }), latest]);
    expect((await log.latestForTicket('jira', '10042'))?.id).toBe(latest.id);
    expect(await log.latestForTicket('servicenow', '10042')).toBeUndefined();
  });

  it('adds up the counters of decisions and outcomes, filtered by hour and revision', async () => {
    const early = decision({ at: 5 * HOUR });
    const late = decision({ at: 9 * HOUR, kbRevision: 'rev2' });
    const stalled = decision({ at: 9 * HOUR, diagnoses: [], questions: [{ fact: 'firewallPlatform', articles: ['KB291615'] }], unknown: ['outlookVersion'] });
    await write(log, [early, late]);
    await write(log, [stalled]);
    await report(log, early, { kind: 'resolved', workaround: 'KB291615.one-to-one-translation' });
    await report(log, late, { kind: 'none' });
    expect(await figures(log)).toMatchObject({
      'log//decisions': 3,
      'log//stalled': 1,
      'diagnosis/KB291615.nat-loses-rpc-information/reported': 2,
      'diagnosis/KB291615.nat-loses-rpc-information/confirmed': 2,
      'diagnosis/KB291615.nat-loses-rpc-information/agreed': 1,
      'diagnosis/KB291615.nat-loses-rpc-information/disagreed': 1,
      'workaround/KB291615.one-to-one-translation/offered': 2,
      'workaround/KB291615.one-to-one-translation/resolved': 1,
      'workaround/KB291615.one-to-one-translation/closed': 2,
      'article/KB291615/stalled:firewallPlatform': 1,
      'article/KB291615/stalled:outlookVersion': 1,
      'fact/natMode/"many-to-one"': 3,
    });
    expect(await figures(log, { kbRevision: 'rev2' })).toMatchObject({ 'log//decisions': 1, 'diagnosis/KB291615.nat-loses-rpc-information/disagreed': 1 });
    expect(await figures(log, { fromHour: 6 * HOUR, toHour: 10 * HOUR })).toMatchObject({ 'log//decisions': 2 });
    expect(await figures(log, { toHour: 6 * HOUR, kinds: ['fact'] })).toEqual({ 'fact/natMode/"many-to-one"': 1 });
  });

  it('adds up whole days and the hours at the ends of a range that spans days, and the whole log without one', async () => {
    const DAY = 24 * HOUR;
    const at = [5 * HOUR, DAY + 3 * HOUR, DAY + 23 * HOUR, 2 * DAY + 20 * HOUR, 3 * DAY + HOUR];
    await write(
      log,
      at.map((when) => decision({ at: when })),
    );
    const count = async (filter: object) => (await figures(log, filter))['log//decisions'] ?? 0;
    expect(await count({})).toBe(5);
    expect(await count({ fromHour: 6 * HOUR, toHour: 2 * DAY + 21 * HOUR })).toBe(3);
    expect(await count({ fromHour: 6 * HOUR, toHour: 2 * DAY + 20 * HOUR })).toBe(2);
    expect(await count({ fromHour: DAY + 4 * HOUR, toHour: 3 * DAY })).toBe(2);
    expect(await count({ fromHour: DAY, toHour: 2 * DAY })).toBe(2);
    expect(await count({ fromHour: 3 * DAY + HOUR })).toBe(1);
    // Retention cuts at the start of the day `before` falls in: that day is kept whole, decisions and counters alike.
    await log.purge(DAY + 12 * HOUR);
    expect(await count({})).toBe(4);
    expect(await count({ fromHour: DAY, toHour: 2 * DAY })).toBe(2);
    expect(await count({ toHour: DAY })).toBe(0);
  });

  it('when two instances add to the same counters at once, then none of their counts is lost', async () => {
    const other = await openStore(t.settings);
    try {
      const batches = [0, 1, 2, 3, 4, 5].map(() => [decision(), decision(), decision()]);
      await Promise.all(batches.map((batch, i) => write((i % 2 ? other : t.store).decisions, batch)));
      expect((await figures(log))['log//decisions']).toBe(18);
    } finally {
      await other.close();
    }
  });

  it('when the log is purged, then decisions, their outcomes and the counters before that time are gone, and the rest kept', async () => {
    const old = decision({ at: 2 * HOUR });
    const kept = decision({ at: 50 * HOUR });
    await write(log, [old, kept]);
    await report(log, old, { kind: 'none' });
    expect(await log.purge(30 * HOUR)).toBe(1);
    expect(await log.get(old.id)).toBeUndefined();
    expect((await log.get(kept.id))?.decision.id).toBe(kept.id);
    expect(await figures(log)).toMatchObject({ 'log//decisions': 1 });
    expect((await figures(log))['log//outcome:none']).toBeUndefined();
  });
});
