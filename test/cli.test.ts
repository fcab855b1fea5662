import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli } from '../src/cli/cli';
import { annotationOf, assertConformantBatchLine, type Schemas } from '../harness/api';
import { logged, type Decision } from '../src/decisions/decision';
import { batchTallies, outcomeTallies } from '../src/decisions/tallies';
import { testStore } from './support/stores';

function io(progress = false) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  return { io: { stdin: new PassThrough(), stdout, stderr, progress }, out: () => out, err: () => err };
}

describe('outlook-kb annotate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
  const input = path.join(dir, 'tickets.jsonl');
  const output = path.join(dir, 'out.jsonl');
  fs.writeFileSync(
    input,
    [
      JSON.stringify({ id: 'a', subject: 'Outlook', body: 'Outlook 2003 cannot connect to our Exchange 2003 server; port 135 is blocked.' }),
      '{broken',
      '',
      JSON.stringify({ id: 'b', body: 'The printer jams' }),
    ].join('\n'),
  );

  it('annotates a JSONL file to JSONL, one result per ticket line, in order, with a progress bar on stderr', async () => {
    const run = io(true);
    await cli(run.io).parseAsync(['annotate', input, '-o', output], { from: 'user' });
    const results = fs
      .readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Schemas['BatchResult']);
    expect(results.map((r) => [r.line, r.status, r.id])).toEqual([
      [1, 200, 'a'],
      [2, 400, undefined],
      [4, 200, 'b'],
    ]);
    results.forEach(assertConformantBatchLine);
    expect(annotationOf(results[0])?.diagnoses.map((d) => d.id)).toEqual(['KB833799.endpoint-mapper-unreachable']);
    expect(run.err()).toContain('annotating [');
    expect(run.err()).toContain('annotated 3 tickets, 1 with errors');
    expect(run.out()).toBe('');
  });

  it('writes to standard output without -o, and reads standard input with -', async () => {
    const run = io();
    const command = cli(run.io).parseAsync(['annotate', '-'], { from: 'user' });
    run.io.stdin.end(JSON.stringify({ id: 'c', body: 'Outlook 2007 cannot connect' }));
    await command;
    expect(JSON.parse(run.out().trim())).toMatchObject({ line: 1, status: 200, id: 'c' });
    expect(run.err()).not.toContain('annotating [');
  });

  it('a missing input file is an error naming it', async () => {
    const run = io();
    await expect(cli(run.io).parseAsync(['annotate', path.join(dir, 'nope.jsonl')], { from: 'user' })).rejects.toThrow(/nope\.jsonl/);
  });
});

describe('outlook-kb --version', () => {
  it.each([['--version'], ['-V']])('%s prints the version in package.json, and commander ends with exit code 0', async (flag) => {
    const run = io();
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    await expect(cli(run.io).parseAsync([flag], { from: 'user' })).rejects.toMatchObject({ code: 'commander.version', exitCode: 0 });
    expect(run.out()).toBe(`${version}\n`);
  });
});

describe('outlook-kb stats', () => {
  it('prints the field figures of the store as a table, and as JSON', async () => {
    const t = await testStore('sqlite');
    try {
      const decision: Decision = {
        id: 'd1',
        at: Date.parse('2026-11-15T10:20:00Z'),
        kind: 'diagnose',
        kbRevision: 'rev1',
        facts: {},
        unknown: [],
        diagnoses: [{ id: 'KB291615.nat-loses-rpc-information', article: 'KB291615', status: 'confirmed', workarounds: [{ id: 'KB291615.one-to-one-translation', applicable: true }] }],
        questions: [],
      };
      const stalled: Decision = { ...decision, id: 'd2', diagnoses: [], questions: [{ fact: 'firewallPlatform', articles: ['KB291615'] }] };
      await t.store.decisions.record([decision, stalled].map(logged), batchTallies([decision, stalled].map(logged)));
      const outcome = { decisionId: 'd1', at: decision.at, kind: 'resolved' as const, workaround: 'KB291615.one-to-one-translation', source: 'agent' as const };
      await t.store.decisions.addOutcome(outcome, outcomeTallies(decision, outcome));
      await t.store.close();

      const table = io();
      await cli(table.io).parseAsync(['stats', '--data-dir', t.settings.dataDir], { from: 'user' });
      const lines = table.out().split('\n');
      expect(lines[0]).toBe('2 decisions, 1 stalled; outcomes: resolved 1');
      expect(lines.find((l) => l.startsWith('diagnosis') && l.includes('KB291615.nat-loses-rpc-information'))!.split(/\s+/)).toEqual([
        'diagnosis',
        'KB291615.nat-loses-rpc-information',
        '1',
        '1',
        '1',
        '0',
        '',
      ]);
      expect(lines.find((l) => l.startsWith('workaround') && l.includes('KB291615.one-to-one-translation'))!.split(/\s+/)).toEqual([
        'workaround',
        'KB291615.one-to-one-translation',
        '1',
        '1',
        '1',
        '1.00',
      ]);
      expect(lines).toContain(`${''.padEnd(10)}  stalled on: firewallPlatform (1)`);

      const json = io();
      await cli(json.io).parseAsync(['stats', '--data-dir', t.settings.dataDir, '--format', 'json', '--kb-revision', 'other'], { from: 'user' });
      expect(JSON.parse(json.out())).toMatchObject({ decisions: 0, kbRevision: 'other' });
      await expect(cli(io().io).parseAsync(['stats', '--data-dir', t.settings.dataDir, '--from', 'last week'], { from: 'user' })).rejects.toThrow('--from last week: write a time as RFC 3339');
    } finally {
      await t.dispose().catch(() => undefined);
    }
  });
});
