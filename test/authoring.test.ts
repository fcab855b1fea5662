import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli, CliFailure } from '../src/cli/cli';
import { fidelityReport } from '../src/authoring/fidelity';
import { readScenarioFiles } from '../src/authoring/scenario-tables';
import { readAllowances, type Allowance } from '../src/authoring/allowances';
import { loadKnowledgeBase } from '../src/kb/load';
import type { Article, TopCondition, VocabularyFile } from '../src/kb/model';
import { bundledRulesDir, projectRoot } from '../src/paths';
import type { Schemas } from '../harness/api';
import { scenariosDir } from '../harness/scenario-tester';
import { copy, remove, set, type JsonEdit } from './support/json-edit';

type DiagnoseResponse = Schemas['DiagnoseResponse'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function run(args: string[]): Promise<{ out: string; bytes: Buffer; err: string; error?: Error }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  let err = '';
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const output = () => ({ out: Buffer.concat(chunks).toString('utf8'), bytes: Buffer.concat(chunks), err });
  try {
    await cli({ stdin: new PassThrough(), stdout, stderr, progress: false }).parseAsync(args, { from: 'user' });
    return output();
  } catch (error) {
    return { ...output(), error: error as Error };
  }
}

/** A copy of the bundled rules/ with one file edited in place: an article (articles/*.json), the vocabulary (facts.json), the allowances or the extraction rules, as the loader reads them. */
function rulesWith<File extends Article | VocabularyFile | { allowances: Allowance[] } | { facts: Record<string, unknown> }>(file: string, edit: (data: File) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as File;
  edit(data);
  fs.writeFileSync(path.join(dir, file), JSON.stringify(data));
  return dir;
}

/** The conditions of an all group, to add one to; throws for an any group. */
function allOf(group: TopCondition) {
  if (!('all' in group)) throw new Error(`not an all group: ${JSON.stringify(group)}`);
  return group.all;
}

describe('outlook-kb validate', () => {
  it('passes the bundled knowledge base with no errors', async () => {
    const { out, error } = await run(['validate']);
    expect(error).toBeUndefined();
    // No warnings either: each one the bundled knowledge base had (a fact no rule tests, such as
    // clientAddressSpace before addresses counted) was a gap, and a new one should be seen. Those
    // rules/allowances.json allows are printed, each with its reason.
    expect(out).toMatch(/: 0 errors, 0 warnings( \(allowed by rules\/allowances\.json: [^)]+\))?\n$/);
    const { allowances } = readAllowances(bundledRulesDir);
    const listed = out.split('\n').filter((line) => line.startsWith('allowed ('));
    expect(listed).toHaveLength(allowances.length);
    for (const allowance of allowances) {
      expect(listed).toContainEqual(
        expect.stringMatching(new RegExp(`^allowed \\(${allowance.kind}\\): \\S+ at \\S* ${escape(JSON.stringify({ check: allowance.check, subject: allowance.subject }))}$`)),
      );
    }
  });

  it('warns of a fact no extraction rule reads, naming what to allow it by', async () => {
    const dir = rulesWith<{ facts: Record<string, unknown> }>('extraction.json', (file) => delete file.facts.exchangeStaticPorts);
    const { out, error } = await run(['validate', '--rules', dir]);
    expect(error).toBeUndefined();
    expect(out).toMatch(
      /^warning: facts\.json at \/facts\/\d+: nothing in rules\/extraction\.json or rules\/lexicons\/ reads exchangeStaticPorts .* \{"check":"extraction-pattern","subject":"exchangeStaticPorts"\}$/m,
    );
    expect(out).toMatch(/: 0 errors, 1 warnings/);
  });

  it.each<[string, (a: Article) => void, RegExp]>([
    [
      'a diagnosis that can never hold',
      (a) => allOf(a.diagnoses[0]!.conditions).push({ fact: 'clientKind', operator: 'equal', value: 'owa-server', source: { section: 'x' } }),
      /"nat-loses-rpc-information" can never hold/,
    ],
    ['two diagnoses with identical conditions', (a) => (a.diagnoses[1]!.conditions = a.diagnoses[0]!.conditions), /same conditions as KB291615.nat-loses-rpc-information/],
    [
      'a workaround no diagnosis offers',
      (a) => a.diagnoses.forEach((d) => (d.workarounds = d.workarounds.filter((w) => w !== 'outlook-web-access'))),
      /"outlook-web-access" is offered by no diagnosis/,
    ],
    [
      'a workaround that can never apply',
      (a) => allOf(a.workarounds[0]!.applicability!.conditions).push({ fact: 'firewallPlatform', operator: 'equal', value: 'windows-nt', source: { section: 'x' } }),
      /"one-to-one-translation" can never apply/,
    ],
  ])('fails on %s, naming it', async (_case, edit, message) => {
    const { out, error } = await run(['validate', '--rules', rulesWith('articles/KB291615.json', edit)]);
    expect(error).toBeInstanceOf(CliFailure);
    expect(out).toMatch(message);
  });

  it.each<[string, (v: VocabularyFile) => void, RegExp]>([
    [
      'a list value no condition looks for',
      (v) => v.facts.find((f) => f.name === 'symptoms')!.values!.push({ value: 'slow', label: 'Slow' }),
      /warning: facts.json at \/facts\/\d+\/values: no condition looks for symptoms "slow"/,
    ],
    [
      'a fact no condition tests',
      (v) => v.facts.push({ name: 'mailboxSize', type: 'string', description: 'x', question: 'x?', values: [{ value: 'big', label: 'Big' }] }),
      /warning: facts.json at \/facts\/\d+: no condition tests mailboxSize/,
    ],
  ])('warns of %s without failing', async (_case, edit, message) => {
    const { out, error } = await run(['validate', '--rules', rulesWith('facts.json', edit)]);
    expect(error).toBeUndefined();
    expect(out).toMatch(message);
  });

  it('files two diagnoses with the same conditions against the article git does not have yet, whatever its id', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-'));
    const rules = path.join(root, 'rules');
    fs.cpSync(bundledRulesDir, rules, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'rules');
    const twin = JSON.parse(fs.readFileSync(path.join(rules, 'articles', 'KB194952.json'), 'utf8')) as Article;
    fs.writeFileSync(path.join(rules, 'articles', 'KB000002.json'), JSON.stringify({ ...twin, id: 'KB000002' }));
    const { out, error } = await run(['validate', '--rules', rules]);
    expect(error).toBeInstanceOf(CliFailure);
    const lines = out.split('\n').filter((line) => line.includes('has the same conditions as'));
    expect(lines.length).toBe(twin.diagnoses.length);
    for (const line of lines) expect(line).toMatch(/^error: articles\/KB000002\.json at \/diagnoses\/\d+\/conditions: diagnosis "[a-z-]+" has the same conditions as KB194952\./);
  });

  it('fails on a knowledge base that does not load', async () => {
    const { error } = await run(['validate', '--rules', rulesWith<VocabularyFile>('facts.json', (v) => v.facts.push(v.facts[0]!))]);
    expect(error?.message).toMatch(/duplicate fact name/);
  });
});

/** A copy of the scenario tables with one table changed by `edit` (or left out, when edit is null). */
function scenariosWith(file: string, edit: JsonEdit | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
  fs.cpSync(scenariosDir, dir, { recursive: true });
  if (edit === null) fs.rmSync(path.join(dir, file));
  else {
    const table: unknown = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    edit(table);
    fs.writeFileSync(path.join(dir, file), JSON.stringify(table));
  }
  return dir;
}

describe('outlook-kb validate on the scenario tables', () => {
  const row = (part: string, n: number) => `${part} row ${n} \\("[^"]+"\\)`;
  it.each<[string, JsonEdit, RegExp[]]>([
    [
      'a misspelt key of a valid row',
      (t) => {
        copy('/valid/0/diagnoses', '/valid/0/diagnosis')(t);
        remove('/valid/0/diagnoses')(t);
      },
      [
        new RegExp(`KB291615\\.json at /valid/0: ${row('valid', 1)}: unknown key "diagnosis"; a valid row takes name, facts, diagnoses, likely, outOfScope, workarounds, conflicts`),
        new RegExp(`KB291615\\.json at /valid/0: ${row('valid', 1)}: misses the key "diagnoses"`),
      ],
    ],
    ['a key of the wrong type', copy('/invalid/1/notDiagnosed/0', '/invalid/1/notDiagnosed'), [new RegExp(`at /invalid/1/notDiagnosed: ${row('invalid', 2)}, key "notDiagnosed": must be array`)]],
    ['an unknown key of the table', set('/cases', []), [/at : the table: unknown key "cases"; a table takes article, valid, invalid/]],
    [
      'a diagnosis the article does not have',
      set('/valid/0/diagnoses', ['KB291615.nat-lost']),
      [new RegExp(`at /valid/0/diagnoses/0: ${row('valid', 1)}, key "diagnoses": no diagnosis KB291615.nat-lost in KB291615; it has: KB291615\\.`)],
    ],
    [
      'a fact value outside the vocabulary',
      set('/valid/0/facts/natMode', 'sideways'),
      [new RegExp(`at /valid/0/facts/natMode: ${row('valid', 1)}, key "facts": .*; allowed: none, one-to-one, many-to-one, port-forwarding`)],
    ],
    [
      'an invalid row that asserts nothing',
      (t) => {
        // Undefined, which JSON.stringify leaves out: the row may lack some of them already.
        for (const key of ['notDiagnosed', 'notApplicable', 'conflicts']) set(`/invalid/0/${key}`, undefined)(t);
      },
      [new RegExp(`at /invalid/0: ${row('invalid', 1)} asserts nothing`)],
    ],
  ])('fails on %s, naming the table, the row and the key', async (_case, edit, messages) => {
    const { out, error } = await run(['validate', '--scenarios', scenariosWith('KB291615.json', edit)]);
    expect(error).toBeInstanceOf(CliFailure);
    for (const message of messages) expect(out).toMatch(message);
  });

  it('fails on an article without a table, saying which file to write', async () => {
    const { out, error } = await run(['validate', '--scenarios', scenariosWith('KB291615.json', null)]);
    expect(error).toBeInstanceOf(CliFailure);
    expect(out).toContain('error: articles/KB291615.json at : no scenario table: write test/scenarios/KB291615.json');
  });

  it('names a bundled table by its path from the project root', () => {
    const tables = readScenarioFiles(scenariosDir);
    expect(tables.map((t) => t.label)).toEqual(
      fs
        .readdirSync(scenariosDir)
        .sort()
        .map((name) => `test/scenarios/${name}`),
    );
  });
});

describe('outlook-kb coverage', () => {
  it('shows every diagnosis and workaround exercised by a matching and a non-matching scenario', async () => {
    const { out, error } = await run(['coverage']);
    expect(error).toBeUndefined();
    expect(out).toMatch(/\d+ exercised items, 0 not exercised both ways/);
    expect(out).toMatch(/^\s+\d+\s+\d+\s+diagnosis\s+KB291615\.nat-loses-rpc-information$/m);
  });

  it('fails when a table is missing, naming what is no longer exercised', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenarios-'));
    for (const name of fs.readdirSync(scenariosDir)) if (name !== 'KB833799.json') fs.copyFileSync(path.join(scenariosDir, name), path.join(dir, name));
    const { out, error } = await run(['coverage', '--scenarios', dir]);
    expect(error).toBeInstanceOf(CliFailure);
    expect(out).toMatch(/diagnosis\s+KB833799\.endpoint-mapper-unreachable\s+<- not exercised both ways/);
  });
});

describe('outlook-kb diagnose', () => {
  const facts = ['--fact', 'clientKind=outlook', '--fact', 'exchangeVersion=2003', '--fact', 'natMode=many-to-one', '--fact', 'firewallPlatform=windows-nt', '--fact', 'symptoms=cannot-connect'];

  it('prints the diagnosis readably, with excluded workarounds and their reason, and the next question as a --fact', async () => {
    const { out } = await run(['diagnose', ...facts]);
    expect(out).toContain('DIAGNOSIS (KB291615)');
    expect(out).toContain('Applies to: Microsoft Outlook, no versions named (revision 2024-01-24)');
    expect(out).toContain('Workaround, does not apply: Perform a one-to-one translation');
    expect(out).toMatch(/Ask next as: --fact \w+=/);
  });

  it('labels every inference "derived", shows conflicts, likely diagnoses and the articles out of scope', async () => {
    const derived = (
      await run([
        'diagnose',
        '--fact',
        'clientKind=outlook',
        '--fact',
        'exchangeVersion=2003',
        '--fact',
        'symptoms=cannot-connect',
        '--fact',
        'clientAddress=198.51.100.7',
        '--fact',
        'serverAddress=10.1.2.3',
      ])
    ).out;
    expect(derived).toMatch(/DERIVED FACTS\n- clientAddressSpace: Public \[derived from clientAddress "198\.51\.100\.7"/);
    expect(derived).toMatch(/- \[derived\] addressTranslation true: When natMode is not stated/);
    const conflict = (await run(['diagnose', '--fact', 'clientKind=outlook', '--fact', 'natMode=none', '--fact', 'clientAddress=198.51.100.7', '--fact', 'serverAddress=10.1.2.3'])).out;
    expect(conflict).toMatch(/CONFLICTS\n- natMode "none" gives addressTranslation false, but .* What the caller stated is used\./);
    const likely = (
      await run([
        'diagnose',
        '--fact',
        'clientKind=activesync-device',
        '--fact',
        'exchangeVersion=2003',
        '--fact',
        'natMode=port-forwarding',
        '--fact',
        'publicAddressAssignment=static',
        '--fact',
        'symptoms=sync-fails',
      ])
    ).out;
    expect(likely).toMatch(/LIKELY DIAGNOSIS \(TIP-EAS-NAT\)\n.*\n- Likely, not confirmed: /);
    const outOfScope = (
      await run([
        'diagnose',
        '--fact',
        'clientKind=outlook',
        '--fact',
        'outlookVersion=2016',
        '--fact',
        'exchangeVersion=2019',
        '--fact',
        'natMode=many-to-one',
        '--fact',
        'firewallPlatform=non-windows',
        '--fact',
        'symptoms=cannot-connect',
      ])
    ).out;
    expect(outOfScope).toMatch(
      /NOT COVERED BY THE ARTICLES FOR THESE VERSIONS\n[\s\S]*\n- KB291615 .*it needs exchangeVersion that is none of 2016, 2019, and it is 2019 \(EXCH2016-mapi-over-http, Supportability/,
    );
  });

  it('prints the API answer as JSON, from flags or from --json alike', async () => {
    const fromFlags = JSON.parse((await run(['diagnose', ...facts, '--format', 'json'])).out) as DiagnoseResponse;
    const fromJson = JSON.parse(
      (
        await run([
          'diagnose',
          '--json',
          '{"facts":{"clientKind":"outlook","exchangeVersion":"2003","natMode":"many-to-one","firewallPlatform":"windows-nt","symptoms":["cannot-connect"]}}',
          '--format',
          'json',
        ])
      ).out,
    ) as DiagnoseResponse;
    expect(fromFlags).toEqual(fromJson);
    expect(fromFlags.diagnoses[0]?.id).toBe('KB291615.nat-loses-rpc-information');
  });

  it('reads booleans, lists and null', async () => {
    const answer = JSON.parse(
      (await run(['diagnose', '--fact', 'port135Reachable=false', '--fact', 'symptoms=cannot-connect,sync-fails', '--fact', 'natMode=null', '--format', 'json'])).out,
    ) as DiagnoseResponse;
    expect(answer.facts).toEqual({ given: { port135Reachable: false, symptoms: ['cannot-connect', 'sync-fails'] }, derived: {}, derivations: {}, unknown: ['natMode'] });
  });

  it('--json takes the body POST /v1/diagnose takes, and --fact adds to its facts', async () => {
    const body = { facts: { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', symptoms: ['cannot-connect'] } };
    const both = JSON.parse((await run(['diagnose', '--json', JSON.stringify(body), '--fact', 'firewallPlatform=windows-nt', '--format', 'json'])).out) as DiagnoseResponse;
    expect(both.facts.given).toEqual({ ...body.facts, firewallPlatform: 'windows-nt' });
  });

  it.each<[string, string, RegExp]>([
    ['the facts alone, as --json once took them', '{"clientKind":"outlook"}', /^\/facts: is required\n\/clientKind: is not allowed here\n--json takes the body of POST \/v1\/diagnose: \{"facts": /],
    [
      'a fact of the wrong JSON type',
      '{"facts":{"outlookVersion":2003}}',
      /^outlookVersion: outlookVersion must be one of the allowed values, not 2003 \(a number; it takes a string: send "2003"\) \(allowed: 97, /,
    ],
    ['text that is not JSON', '{facts', /^--json is not valid JSON: /],
  ])('--json with %s fails saying what it takes, as the API would', async (_case, json, message) => {
    const { error } = await run(['diagnose', '--json', json]);
    expect(error).toBeInstanceOf(CliFailure);
    expect(error?.message).toMatch(message);
  });

  it('a bad fact fails with the allowed values', async () => {
    const { error } = await run(['diagnose', '--fact', 'natMode=pat']);
    expect(error).toBeInstanceOf(CliFailure);
    expect(error?.message).toMatch(/natMode: .* \(allowed: none, one-to-one, many-to-one, port-forwarding\)/);
  });
});

describe('outlook-kb file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));

  it('writes the .reg file a workaround calls for, with the same content the API serves', async () => {
    const target = path.join(dir, 'ports.reg');
    const { out, err, error } = await run(['file', 'exchange-static-ports.reg', 'directoryPort=5001', 'storePort=5002', '-o', target]);
    expect(error).toBeUndefined();
    expect(out).toBe('');
    expect(err).toBe(`wrote ${target} to the file (KB155831.static-directory-and-store-ports)\n`);
    const text = fs.readFileSync(target).subarray(2).toString('utf16le');
    expect(text).toContain('[HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem]\r\n"TCP/IP port"=dword:0000138a');
  });

  it('writes the file to standard output without -o, as annotate does, and says so on standard error', async () => {
    const { bytes, err, error } = await run(['file', 'exchange-static-ports.reg', 'directoryPort=5001', 'storePort=5002']);
    expect(error).toBeUndefined();
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toContain('"TCP/IP port"=dword:00001389');
    expect(err).toBe('wrote exchange-static-ports.reg to standard output (KB155831.static-directory-and-store-ports)\n');
    expect(fs.existsSync(path.join(process.cwd(), 'exchange-static-ports.reg'))).toBe(false);
  });

  it('writes the .prf file', async () => {
    const target = path.join(dir, 'outlook.prf');
    await run(['file', 'outlook-static-ports.prf', 'tcpExchangePort=6001', '-o', target]);
    expect(fs.readFileSync(target, 'utf8')).toContain('\r\nTCPExchangePort=6001\r\n');
  });

  it.each([
    [['file', 'exchange-static-ports.reg', 'directoryPort=1200', 'storePort=5002'], /directoryPort: 1200 is outside the range 5000-65535 that KB155831 advises/],
    [['file', 'exchange-static-ports.reg', 'directoryPort=5001', 'storePort=5002', 'isPort=5003'], /isPort: not a setting of exchange-static-ports\.reg/],
    [['file', 'exchange-static-ports.reg', 'directoryPort'], /write name=port/],
    [['file', 'outlook.cfg'], /choose exchange-static-ports\.reg or exchange-2000-2003-static-ports\.reg or outlook-static-ports\.prf/],
  ])('refuses %j with the reason', async (args, message) => {
    const { error } = await run(args);
    expect(error).toBeInstanceOf(CliFailure);
    expect(error?.message).toMatch(message);
  });
});

describe('docs/fidelity.md', () => {
  it('is what `npm run fidelity` makes of rules/ today (the review below its marker aside)', () => {
    const written = fs.readFileSync(path.join(projectRoot, 'docs', 'fidelity.md'), 'utf8');
    const generated = fidelityReport(loadKnowledgeBase(bundledRulesDir));
    // Said as what to do: an author who added an article sees the command, not "expected true".
    const state = written.startsWith(`${generated}\n<!-- REVIEW:`) ? 'current' : 'docs/fidelity.md is out of date with rules/: run `npm run fidelity`';
    expect(state).toBe('current');
  });
});
