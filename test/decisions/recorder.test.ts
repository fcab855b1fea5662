import type { DecisionContent, LoggedDecision } from '../../src/decisions/decision';
import type { DecisionLog } from '../../src/decisions/decision-log';
import { DecisionRecorder } from '../../src/decisions/recorder';
import type { Tally } from '../../src/decisions/tallies';

const content: DecisionContent = {
  kind: 'annotate',
  kbRevision: 'rev',
  facts: {},
  unknown: [],
  diagnoses: [],
  questions: [],
  ticket: { id: 't1' },
  text: { subject: 'Outlook', body: 'jane.doe@example.com cannot connect' },
};

/** A log that keeps what it is given in memory, and can be made to fail. */
function memoryLog() {
  const batches: { decisions: readonly LoggedDecision[]; tallies: readonly Tally[] }[] = [];
  let failing: Error | undefined;
  const log = {
    record: (decisions: readonly LoggedDecision[], tallies: readonly Tally[]) => {
      if (failing) return Promise.reject(failing);
      batches.push({ decisions, tallies });
      return Promise.resolve();
    },
  } as unknown as DecisionLog;
  return { log, batches, fail: (error?: Error) => (failing = error) };
}

describe('the decision recorder', () => {
  it('gives an id at once and writes decisions in one batch, with their counters summed', async () => {
    const { log, batches } = memoryLog();
    const recorder = new DecisionRecorder({ log, now: () => 7_200_000 });
    const ids = [recorder.record(content, 'helpdesk'), recorder.record(content)];
    expect(new Set(ids).size).toBe(2);
    // Time-ordered: the first 48 bits are the time (RFC 9562 version 7), the rest random.
    expect(ids[0]).toMatch(/^0000006d-dd00-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(batches).toHaveLength(0);
    await recorder.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.decisions.map((d) => [d.id, d.caller, d.at])).toEqual([
      [ids[0], 'helpdesk', 7_200_000],
      [ids[1], undefined, 7_200_000],
    ]);
    expect(batches[0]!.tallies).toEqual([{ hour: 7_200_000, kbRevision: 'rev', kind: 'log', item: '', measure: 'decisions', n: 2 }]);
  });

  it('keeps no ticket text unless told to, since tickets can hold personal data', async () => {
    for (const keepText of [false, true]) {
      const { log, batches } = memoryLog();
      const recorder = new DecisionRecorder({ log, keepText });
      recorder.record(content);
      await recorder.flush();
      expect(batches[0]!.decisions[0]!.content.text).toEqual(keepText ? content.text : undefined);
    }
  });

  it('writes a batch as soon as it is full, without waiting for the timer', async () => {
    const { log, batches } = memoryLog();
    const written = new Promise<void>((resolve) => {
      log.record = (decisions, tallies) => {
        batches.push({ decisions, tallies });
        resolve();
        return Promise.resolve();
      };
    });
    const recorder = new DecisionRecorder({ log, batchSize: 3, flushMs: 3_600_000 });
    for (let i = 0; i < 3; i += 1) recorder.record(content);
    await written;
    expect(batches[0]!.decisions).toHaveLength(3);
  });

  it('when the store fails, then the batch is reported lost and the caller is never failed', async () => {
    const { log, batches, fail } = memoryLog();
    const lost: [number, string][] = [];
    const recorder = new DecisionRecorder({ log, lost: (count, error) => lost.push([count, error.message]) });
    fail(new Error('disk full'));
    recorder.record(content);
    recorder.record(content);
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(lost).toEqual([[2, 'disk full']]);
    fail(undefined);
    recorder.record(content);
    await recorder.flush();
    expect(batches[0]!.decisions).toHaveLength(1);
  });

  it('holds at most maxPending decisions while waiting, dropping the oldest and counting them', async () => {
    const { log, batches } = memoryLog();
    const lost: number[] = [];
    const recorder = new DecisionRecorder({ log, maxPending: 2, batchSize: 100, lost: (count) => lost.push(count) });
    const ids = [recorder.record(content), recorder.record(content), recorder.record(content)];
    await recorder.flush();
    expect(lost).toEqual([1]);
    expect(batches[0]!.decisions.map((d) => d.id)).toEqual(ids.slice(1));
  });
});
