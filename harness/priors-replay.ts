import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diagnoseDecision } from '../src/app/decision-content';
import { diagnoseAnswer } from '../src/app/diagnose';
import { AnswerPriors } from '../src/consult/priors';
import { DecisionRecorder } from '../src/decisions/recorder';
import { openStore } from '../src/store/store';
import { consult, type Consultation, type Facts } from './consultation';
import { bundledKnowledgeBase } from './knowledge-base';

/** A consultation played without priors, with what it was about and how to tell it ended right. */
interface Played {
  environment: Facts;
  consultation: Consultation;
  label: string;
  check: (consultation: Consultation) => boolean;
}

/** What ranking by the field's answers changed over the consultations replayed. */
interface ReplayReport {
  replayed: number;
  averageWithout: number;
  averageWith: number;
  fewer: number;
  more: number;
  same: number;
  wrong: number;
  /** One line per consultation whose questions changed. */
  changed: string[];
}

/**
 * Records each consultation's last turn in a decision log (a SQLite store in a temporary folder,
 * through the recorder the service uses), reads the counts of the answers back as the service's
 * priors do, and plays each consultation again with the priors of all the others: its own answers
 * taken out, so that no consultation is helped by knowing itself.
 */
export async function replayWithPriors(played: readonly Played[]): Promise<ReplayReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-replay-'));
  const store = await openStore({ dataDir: dir });
  try {
    const recorder = new DecisionRecorder({ log: store.decisions });
    const snapshot = bundledKnowledgeBase();
    const decisions = [];
    for (const { consultation } of played) {
      const content = diagnoseDecision(await diagnoseAnswer(snapshot, { facts: consultation.facts }, { includeCandidates: false }));
      decisions.push(content);
      recorder.record(content, 'eval-consult');
    }
    await recorder.flush();
    const sums = await store.decisions.sums({ kinds: ['fact'] });
    const report: ReplayReport = { replayed: played.length, averageWithout: 0, averageWith: 0, fewer: 0, more: 0, same: 0, wrong: 0, changed: [] };
    for (const [i, { environment, consultation, label, check }] of played.entries()) {
      const own = new Map<string, number>();
      for (const [name, fact] of Object.entries(decisions[i]!.facts)) {
        if (fact.source === 'derived') continue;
        for (const value of Array.isArray(fact.value) ? fact.value : [fact.value]) {
          const key = `${name}\u0000${JSON.stringify(value)}`;
          own.set(key, (own.get(key) ?? 0) + 1);
        }
      }
      const others = sums.map((s) => ({ ...s, n: Number(s.n) - (own.get(`${s.item}\u0000${s.measure}`) ?? 0) }));
      const replayed = await consult(environment, { priors: AnswerPriors.fromCounts(others, `leave-out-${i}`), groups: false });
      const [before, after] = [consultation.asked.length, replayed.asked.length];
      report.averageWithout += before / played.length;
      report.averageWith += after / played.length;
      if (after < before) report.fewer += 1;
      else if (after > before) report.more += 1;
      else report.same += 1;
      const ok = check(replayed);
      if (!ok) report.wrong += 1;
      if (after !== before || !ok) report.changed.push(`${String(before).padStart(2)} -> ${String(after).padStart(2)}  ${ok ? 'ok   ' : 'WRONG'}  ${label}\n      asked: ${replayed.asked.join(', ')}`);
    }
    return report;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
