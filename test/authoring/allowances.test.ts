import { expect } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyAllowances, readAllowances, type Allowance } from '../../src/authoring/allowances';
import type { LintFinding } from '../../src/authoring/lint';
import { bundledRulesDir } from '../../src/paths';

describe('rules/allowances.json', () => {
  const warning: LintFinding = { level: 'warning', file: 'facts.json', pointer: '/facts/1', message: 'm', allowable: { check: 'extraction-pattern', subject: 'outlookVersion' } };
  const allowance: Allowance = { check: 'extraction-pattern', subject: 'outlookVersion', kind: 'known-gap', reason: 'r' };

  it('sets aside the warning an allowance names, keeping it with the reason', () => {
    expect(applyAllowances([warning], [allowance])).toEqual({ findings: [], allowed: [{ finding: warning, allowance }] });
  });

  it('never allows an error, nor a warning about another subject', () => {
    const error: LintFinding = { ...warning, level: 'error' };
    const other: LintFinding = { ...warning, allowable: { check: 'extraction-pattern', subject: 'exchangeVersion' } };
    const { findings, allowed } = applyAllowances([error, other], [allowance]);
    expect(allowed).toEqual([]);
    expect(findings).toEqual([error, other, expect.objectContaining({ level: 'warning', file: 'allowances.json', pointer: '/allowances/0' })]);
  });

  it('warns of an allowance that allows nothing, so that it is removed once the gap is closed', () => {
    expect(applyAllowances([], [allowance]).findings).toEqual([
      { level: 'warning', file: 'allowances.json', pointer: '/allowances/0', message: 'allows nothing: no extraction-pattern warning about "outlookVersion"; remove the entry' },
    ]);
  });

  it('reads the bundled file, every entry with a kind and a reason', () => {
    const { allowances, findings } = readAllowances(bundledRulesDir);
    expect(findings).toEqual([]);
    for (const entry of allowances) expect(entry.reason.length).toBeGreaterThan(40);
  });

  it('refuses an entry without a reason, naming where', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'allowances-'));
    fs.writeFileSync(path.join(dir, 'allowances.json'), JSON.stringify({ allowances: [{ check: 'extraction-pattern', subject: 'x', kind: 'intentional' }] }));
    expect(readAllowances(dir)).toEqual({
      allowances: [],
      findings: [expect.objectContaining({ level: 'error', file: 'allowances.json', pointer: '/allowances/0', message: expect.stringMatching(/reason/) })],
    });
  });

  it('is optional: a rules directory without it allows nothing', () => {
    expect(readAllowances(fs.mkdtempSync(path.join(os.tmpdir(), 'no-allowances-')))).toEqual({ allowances: [], findings: [] });
  });
});
