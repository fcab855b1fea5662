import type { KnowledgeBase } from '../kb/load';
import { buildKnowledgeBase } from '../kb/load';
import { readRulesDir } from '../kb/rules-dir';
import { applyAllowances, readAllowances, type AllowedFinding } from './allowances';
import { articleOrder, newerBy } from './article-age';
import { lint, type LintFinding } from './lint';
import { checkScenarioFiles, readScenarioFiles } from './scenario-tables';
import { readSourceTexts } from './sources';
import { setAsideUnfinished } from './unfinished';

/** What `outlook-kb validate` found in a rules directory and its scenario tables. */
export interface Validation {
  /** The knowledge base without the unfinished articles. */
  kb: KnowledgeBase;
  /** Articles still holding placeholders of new-article, by id. */
  unfinished: string[];
  /** Errors and warnings, the allowed warnings set aside. */
  findings: LintFinding[];
  /** Warnings rules/allowances.json allows, with the allowance. */
  allowed: AllowedFinding[];
}

/**
 * Everything validate checks, in one pass: an unfinished article is listed by what is left to
 * fill in and set aside; the rest is built (any fault stops here, as the loader would) and linted,
 * with the stored texts and the order git added the articles in; the scenario tables are checked
 * against their schema and the knowledge base; rules/allowances.json sets aside what it allows.
 */
export function validateRules(rulesDir: string, scenariosDir: string): Validation {
  const { finished, unfinished, findings: left } = setAsideUnfinished(readRulesDir(rulesDir));
  const kb = buildKnowledgeBase(finished);
  const allowances = readAllowances(rulesDir);
  const { findings, allowed } = applyAllowances(
    [
      ...left,
      ...lint(kb, { texts: readSourceTexts(rulesDir), newer: newerBy(articleOrder(rulesDir)) }),
      ...checkScenarioFiles(kb, readScenarioFiles(scenariosDir), unfinished),
      ...allowances.findings,
    ],
    allowances.allowances,
  );
  return { kb, unfinished: [...unfinished].sort(), findings, allowed };
}
