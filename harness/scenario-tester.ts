import { projectRoot } from '../src/paths';
import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosisReport } from '../src/engine/diagnose';
import { normalizeFacts } from '../src/facts/normalize';
import { checkScenarioFile, type ScenarioTable } from '../src/authoring/scenario-tables';
import { bundledKnowledgeBase } from './knowledge-base';

/**
 * Per-article scenario tables, in the manner of ESLint's RuleTester. A `valid` case must produce
 * exactly the listed diagnoses of its article (`diagnoses` confirmed, `likely` likely,
 * `outOfScope` reported as holding outside the versions the article speaks for), with exactly the
 * listed workarounds (true: applies, false: excluded with a reason, null: depends on a missing
 * fact), and, when it lists `conflicts`, exactly those facts in conflict. An `invalid` case must
 * not report the `notDiagnosed` ids (neither confirmed nor likely), and must show each
 * `notApplicable` workaround as excluded with its reason. The tester checks the table itself
 * first: ids that do not exist, cases that assert nothing, duplicate names or facts are errors,
 * not silent passes.
 */
export type { ScenarioTable };

export const scenariosDir = path.join(projectRoot, 'test', 'scenarios');

export function readScenarioTable(articleId: string): ScenarioTable {
  return JSON.parse(fs.readFileSync(path.join(scenariosDir, `${articleId}.json`), 'utf8')) as ScenarioTable;
}

export function scenarioTableIds(): string[] {
  return fs
    .readdirSync(scenariosDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/**
 * Throws on a table that could pass without testing anything, or that names what its article
 * does not have: the checks `outlook-kb validate` runs on it (src/authoring/scenario-tables.ts).
 */
export function checkScenarioTable(table: ScenarioTable): void {
  const name = `${table.article}.json`;
  const findings = checkScenarioFile(bundledKnowledgeBase().kb, { name, label: `test/scenarios/${name}`, content: table });
  if (findings.length) throw new Error(findings.map((f) => `${f.file} at ${f.pointer}: ${f.message}`).join('\n'));
}

export async function diagnoseScenario(facts: Record<string, unknown>): Promise<DiagnosisReport & { conflicts: string[] }> {
  const { kb, diagnoser } = bundledKnowledgeBase();
  const normalized = normalizeFacts(facts, kb.vocabulary);
  if (!normalized.ok) throw new Error(JSON.stringify(normalized.errors));
  return { ...(await diagnoser.diagnose(normalized.all)), conflicts: normalized.conflicts.map((c) => c.fact) };
}

/**
 * What a report says of one article: its confirmed, likely and out-of-scope diagnoses, and the
 * applicability of the reported ones' workarounds.
 */
export function outcomeFor(report: Pick<DiagnosisReport, 'diagnoses' | 'outOfScope'>, articleId: string) {
  const reported = report.diagnoses.filter((d) => d.article.id === articleId);
  const workarounds: Record<string, boolean | null> = {};
  const reasons: Record<string, string | undefined> = {};
  for (const diagnosis of reported) {
    for (const workaround of diagnosis.workarounds) {
      workarounds[workaround.id] = workaround.applicable;
      reasons[workaround.id] = workaround.reason;
    }
  }
  const ids = (status: string) => reported.filter((d) => d.status === status).map((d) => d.id);
  return {
    diagnoses: ids('confirmed'),
    likely: ids('likely'),
    outOfScope: report.outOfScope.filter((d) => d.article.id === articleId).map((d) => d.id),
    workarounds,
    reasons,
  };
}
