// `npm run load:decisions`: writes a million decisions (DECISIONS to change it) to a decision log,
// with outcomes for one in a hundred, then measures GET /v1/stats over them through the HTTP app:
// the whole log, the last 7 days, and one knowledge-base revision. On the embedded store in a
// temporary folder (removed after), or on PostgreSQL when DATABASE_URL is set (the tables are
// those of a fresh database: use one made for the purpose). Prints the figures and whether the
// answers came within 200 ms; not a jest test, since its time depends on the machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diagnoseDecision } from '../src/app/decision-content';
import { diagnoseAnswer } from '../src/app/diagnose';
import type { DecisionContent, LoggedDecision, Outcome } from '../src/decisions/decision';
import { newDecisionId } from '../src/decisions/decision';
import { DecisionRecorder } from '../src/decisions/recorder';
import { batchTallies, outcomeTallies } from '../src/decisions/tallies';
import { openStore } from '../src/store/store';
import { TestApi } from '../harness/api';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { factSets } from './fact-sets';

const TOTAL = Number(process.env.DECISIONS ?? 1_000_000);
const BATCH = 5000;
const DAY = 86_400_000;
const DAYS = 30;
const TARGET_MS = 200;

/** A generator of the same numbers on every run (mulberry32), so that runs compare. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decisions as the service makes them: the answers to 1,000 realistic requests, under the revision served and an older one. */
async function contents(): Promise<DecisionContent[]> {
  const snapshot = bundledKnowledgeBase();
  const made: DecisionContent[] = [];
  for (const facts of factSets(snapshot.kb.vocabulary, 1000)) {
    const content = diagnoseDecision(await diagnoseAnswer(snapshot, { facts }, { includeCandidates: false }));
    made.push(content, { ...content, kbRevision: 'a1b2c3d4e5f6' });
  }
  return made;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-load-'));
  const store = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
  try {
    const pool = await contents();
    const next = random(19);
    const now = Date.now();
    const callers = ['helpdesk', 'chatbot', 'webhook:zendesk'];
    const started = performance.now();
    let outcomes = 0;
    for (let written = 0; written < TOTAL; written += BATCH) {
      const batch: LoggedDecision[] = [];
      for (let i = 0; i < Math.min(BATCH, TOTAL - written); i += 1) {
        // Spread over the last 30 days, in order of time within a batch as a service writes them.
        const at = now - DAYS * DAY + Math.floor(((written + i) / TOTAL) * DAYS * DAY);
        batch.push({ id: newDecisionId(at), at, caller: callers[Math.floor(next() * callers.length)], content: pool[Math.floor(next() * pool.length)]! });
      }
      await store.decisions.record(batch, batchTallies(batch));
      // One decision in a hundred gets an outcome: its first workaround resolved it, or none of these.
      for (const logged of batch) {
        if (next() >= 0.01) continue;
        const decision = { ...logged.content, id: logged.id, at: logged.at };
        const workaround = decision.diagnoses.find((d) => d.status !== 'out-of-scope')?.workarounds[0]?.id;
        const outcome: Outcome = { decisionId: logged.id, at: logged.at + 3_600_000, source: 'agent', ...(workaround && next() < 0.7 ? { kind: 'resolved', workaround } : { kind: 'none' }) };
        await store.decisions.addOutcome(outcome, outcomeTallies(decision, outcome));
        outcomes += 1;
      }
      if ((written / BATCH) % 20 === 0) process.stdout.write(`\r${(written + BATCH).toLocaleString('en-US')} decisions written`);
    }
    const writeSeconds = (performance.now() - started) / 1000;
    console.log(
      `\r${TOTAL.toLocaleString('en-US')} decisions and ${outcomes.toLocaleString('en-US')} outcomes written in ${writeSeconds.toFixed(1)} s (${Math.round(TOTAL / writeSeconds).toLocaleString('en-US')} a second), ${store.kind} store`,
    );

    const recorder = new DecisionRecorder({ log: store.decisions });
    const api = await TestApi.start({ decisions: recorder });
    try {
      const revision = bundledKnowledgeBase().kb.revision;
      const week = new Date(now - 7 * DAY).toISOString();
      console.log(`GET /v1/stats over ${TOTAL.toLocaleString('en-US')} decisions (20 warm-up requests, then 50 timed, one at a time)   p50 ms   p95 ms   max ms`);
      let worst = 0;
      for (const [label, query] of [
        ['the whole log', ''],
        ['the last 7 days', `?from=${week}`],
        ['one revision', `?kbRevision=${revision}`],
      ] as const) {
        const samples: number[] = [];
        let decisions = 0;
        for (let i = 0; i < 70; i += 1) {
          const start = performance.now();
          const res = await fetch(`${api.baseUrl}/v1/stats${query}`);
          const body = (await res.json()) as { decisions: number };
          if (!res.ok) throw new Error(`GET /v1/stats${query} answered ${res.status}: ${JSON.stringify(body)}`);
          if (i >= 20) samples.push(performance.now() - start);
          decisions = body.decisions;
        }
        worst = Math.max(worst, percentile(samples, 0.95));
        console.log(
          `  ${`${label} (${decisions.toLocaleString('en-US')} decisions)`.padEnd(45)} ${percentile(samples, 0.5).toFixed(1).padStart(8)} ${percentile(samples, 0.95).toFixed(1).padStart(8)} ${Math.max(
            ...samples,
          )
            .toFixed(1)
            .padStart(8)}`,
        );
      }
      console.log(worst <= TARGET_MS ? `within ${TARGET_MS} ms: p95 at most ${worst.toFixed(1)} ms` : `OVER ${TARGET_MS} ms: p95 up to ${worst.toFixed(1)} ms`);
      if (worst > TARGET_MS) process.exitCode = 1;
    } finally {
      await api.close();
    }
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
