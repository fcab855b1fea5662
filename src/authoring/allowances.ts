import fs from 'node:fs';
import path from 'node:path';
import type { LintFinding } from './lint';
import { rulesSchema } from './rules-schema';

/** An entry of rules/allowances.json: a warning the knowledge base allows, and why. */
export interface Allowance {
  check: string;
  subject: string;
  kind: 'intentional' | 'known-gap';
  reason: string;
}

/** A finding an allowance covers, printed with the allowance's kind and reason. */
export interface AllowedFinding {
  finding: LintFinding;
  allowance: Allowance;
}

const FILE = 'allowances.json';

/**
 * The allowances of a rules directory (none without the file), or the faults that keep the file
 * from being read: an allowance file that is wrong allows nothing.
 */
export function readAllowances(rulesDir: string): { allowances: Allowance[]; findings: LintFinding[] } {
  const full = path.join(rulesDir, FILE);
  if (!fs.existsSync(full)) return { allowances: [], findings: [] };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(full, 'utf8'));
  } catch (error) {
    return { allowances: [], findings: [{ level: 'error', file: FILE, pointer: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const { validate } = rulesSchema('allowances.schema.json');
  if (!validate(data)) {
    const findings = (validate.errors ?? []).map((e): LintFinding => ({ level: 'error', file: FILE, pointer: e.instancePath, message: e.message ?? e.keyword }));
    return { allowances: [], findings };
  }
  return { allowances: (data as { allowances: Allowance[] }).allowances, findings: [] };
}

/**
 * Sets aside the warnings an allowance names (by check and subject), and warns of each allowance
 * that names none: a contradiction resolved or a gap closed leaves its allowance to be removed.
 */
export function applyAllowances(findings: readonly LintFinding[], allowances: readonly Allowance[]): { findings: LintFinding[]; allowed: AllowedFinding[] } {
  const kept: LintFinding[] = [];
  const allowed: AllowedFinding[] = [];
  const used = new Set<Allowance>();
  for (const finding of findings) {
    const allowance = finding.level === 'warning' && finding.allowable ? allowances.find((a) => a.check === finding.allowable!.check && a.subject === finding.allowable!.subject) : undefined;
    if (!allowance) {
      kept.push(finding);
      continue;
    }
    used.add(allowance);
    allowed.push({ finding, allowance });
  }
  allowances.forEach((allowance, i) => {
    if (!used.has(allowance)) {
      kept.push({ level: 'warning', file: FILE, pointer: `/allowances/${i}`, message: `allows nothing: no ${allowance.check} warning about "${allowance.subject}"; remove the entry` });
    }
  });
  return { findings: kept, allowed };
}
