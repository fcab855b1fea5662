#!/usr/bin/env node
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommanderError } from 'commander';
import { annotateLines } from '../app/annotate-batch';
import { noteBlocks, renderNote } from '../annotate/note';
import type { AnnotatedFact } from '../annotate/evidence-bounds';
import { Contract } from '../contract/contract';
import { diagnoseAnswer } from '../app/diagnose';
import { ndjsonLines } from '../app/ndjson-lines';
import { AppError } from '../app/errors';
import { MAX_NDJSON_LINE } from '../app/annotate-batch';
import { configurationFile } from '../app/configuration-file';
import { artifactNames, artifactSettings } from '../artifacts/generate';
import { coverage } from '../authoring/coverage';
import { readScenarioTables } from '../authoring/scenario-tables';
import { isArticleId, scaffold } from '../authoring/scaffold';
import { storedText, StoredTextError } from '../authoring/stored-text';
import { validateRules } from '../authoring/validate';
import { Diagnoser } from '../engine/diagnose';
import { loadKnowledgeBase } from '../kb/load';
import type { Vocabulary } from '../kb/vocabulary';
import { bundledRulesDir, projectRoot } from '../paths';
import { run } from '../service/run';
import { diagnoseInput, fieldLine } from './diagnose-request';
import { queryPointer } from '../contract/pointers';

/** Where the scenario tables are, unless --scenarios says otherwise. */
const scenariosDir = path.join(projectRoot, 'test', 'scenarios');
import { fieldFigures } from '../app/decisions';
import type { FieldFigures } from '../contract/schemas';
import { DecisionRecorder } from '../decisions/recorder';
import { openStore } from '../store/store';

/** A command that ran but found problems: the message is printed and the process exits 1. */
export class CliFailure extends Error {}

interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal, where a progress bar makes sense. */
  progress: boolean;
}

/** The command line: annotate, validate, coverage, diagnose, file, stats and serve. */
export function cli(io: CliIo): Command {
  const program = new Command('outlook-kb')
    .description('Diagnoses why Outlook, Outlook Web Access and Exchange ActiveSync clients cannot connect through firewalls and NAT.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  program
    .command('annotate')
    .description('Annotate a JSONL file of tickets ({"id", "subject", "body", "facts"?} per line) to JSONL, one result per line.')
    .argument('<input>', 'tickets as JSONL, or - for standard input')
    .option('-o, --output <file>', 'where to write the results (default: standard output)')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .action(async (input: string, options: { output?: string; rules: string }) => {
      const kb = loadKnowledgeBase(options.rules);
      const served = { kb, diagnoser: new Diagnoser(kb) };
      const contract = new Contract();
      // stat first: it names a missing file before a stream is opened on it.
      const total = input === '-' ? 0 : fs.statSync(input).size;
      const source = input === '-' ? io.stdin : fs.createReadStream(input);
      const output = options.output ? fs.createWriteStream(options.output) : io.stdout;
      const bar = io.progress
        ? new SingleBar({ stream: io.stderr, format: 'annotating [{bar}] {percentage}% | {tickets} tickets', hideCursor: true, noTTYOutput: true }, Presets.shades_classic)
        : undefined;
      bar?.start(total || 1, 0, { tickets: 0 });
      let count = 0;
      let failed = 0;
      for await (const result of annotateLines(ndjsonLines(source, MAX_NDJSON_LINE), served, contract.check(contract.schemaPointer('Ticket')), `file:${input}`, MAX_NDJSON_LINE)) {
        count += 1;
        if (result.status !== 200) failed += 1;
        if (!output.write(`${JSON.stringify(result)}\n`)) await once(output, 'drain');
        bar?.update(total ? Math.min(total, (source as fs.ReadStream).bytesRead ?? 0) : 1, { tickets: count });
      }
      bar?.update(total || 1, { tickets: count });
      bar?.stop();
      if (options.output) await new Promise<void>((resolve, reject) => (output as fs.WriteStream).end((error?: Error | null) => (error ? reject(error) : resolve())));
      io.stderr.write(`annotated ${count} tickets, ${failed} with errors\n`);
    });

  program
    .command('validate')
    .description('Load the knowledge base (schemas, ids, facts, values), lint it and check the scenario tables against their schema and it; exits 1 on any error.')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .option('--scenarios <dir>', 'scenario tables', scenariosDir)
    .action((options: { rules: string; scenarios: string }) => {
      const { kb, unfinished, findings, allowed } = validateRules(options.rules, options.scenarios);
      // An allowable warning ends with the check and subject an entry of rules/allowances.json names it by.
      for (const f of findings) io.stdout.write(`${f.level}: ${f.file} at ${f.pointer}: ${f.message}${f.allowable ? ` ${JSON.stringify(f.allowable)}` : ''}\n`);
      // Allowed warnings are listed on every run, so that a known gap stays in sight: one line each,
      // the reason being in the file, so that they do not bury what an author has to do.
      for (const { finding: f, allowance } of allowed) io.stdout.write(`allowed (${allowance.kind}): ${f.file} at ${f.pointer} ${JSON.stringify(f.allowable)}\n`);
      const errors = findings.filter((f) => f.level === 'error').length;
      const kinds = (['known-gap', 'intentional'] as const).map((kind) => [kind, allowed.filter((a) => a.allowance.kind === kind).length] as const).filter(([, n]) => n > 0);
      const allowedNote = kinds.length ? ` (allowed by rules/allowances.json: ${kinds.map(([kind, n]) => `${n} ${kind}`).join(', ')})` : '';
      const unfinishedNote = unfinished.length ? ` and ${unfinished.join(', ')} unfinished` : '';
      io.stdout.write(`${kb.articles.length} articles${unfinishedNote}, revision ${kb.revision}: ${errors} errors, ${findings.length - errors} warnings${allowedNote}\n`);
      if (errors) throw new CliFailure(`${errors} lint errors`);
    });

  program
    .command('new-article')
    .description('Start an article: write rules/articles/<id>.json and test/scenarios/<id>.json with placeholders to fill in (validate lists them and fails until none is left), from its stored text.')
    .argument('<id>', 'the article id, e.g. KB180795')
    .option('--source <file>', 'the stored text of the article (copied into rules/sources/ when it is not there); default: rules/sources/Q<number>.txt for KB<number>')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .option('--scenarios <dir>', 'scenario tables', scenariosDir)
    .action((id: string, options: { source?: string; rules: string; scenarios: string }) => {
      if (!isArticleId(id))
        throw new CliFailure(`${JSON.stringify(id)} is not an article id: capital letters, digits and hyphens, starting with a letter and not ending with a hyphen (KB180795, TIP-EAS-NAT)`);
      const articleFile = path.join(options.rules, 'articles', `${id}.json`);
      const tableFile = path.join(options.scenarios, `${id}.json`);
      for (const file of [articleFile, tableFile]) if (fs.existsSync(file)) throw new CliFailure(`${id} exists: ${shown(file)}; edit it, or choose another id`);
      let stored;
      try {
        stored = storedText(id, options.source, path.join(options.rules, 'sources'));
      } catch (error) {
        if (error instanceof StoredTextError) throw new CliFailure(error.message);
        throw error;
      }
      const { article, table, placeholders } = scaffold(id, stored);
      fs.writeFileSync(articleFile, `${JSON.stringify(article, null, 2)}\n`);
      fs.writeFileSync(tableFile, `${JSON.stringify(table, null, 2)}\n`);
      io.stdout.write(
        [
          `wrote ${shown(articleFile)} and ${shown(tableFile)}, citing ${shown(path.join(options.rules, 'sources', stored.name))}${stored.copiedFrom ? ` (copied from ${stored.copiedFrom})` : ''}`,
          `${placeholders} placeholders ("TODO: ...") to fill in: \`outlook-kb validate\` lists each with what to write there, and fails until none is left (the service refuses the article until then).`,
          'Then: outlook-kb validate, outlook-kb coverage, npm run fidelity, npm run docs:facts (if facts.json changed), npm test; docs/authoring.md has the steps.',
          '',
        ].join('\n'),
      );
    });

  program
    .command('coverage')
    .description('Show which diagnoses, workarounds and conditions the scenario tables exercise; exits 1 if a diagnosis or workaround lacks a scenario that matches or one that does not.')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .option('--scenarios <dir>', 'scenario tables', scenariosDir)
    .action(async (options: { rules: string; scenarios: string }) => {
      const exercises = await coverage(loadKnowledgeBase(options.rules), readScenarioTables(options.scenarios));
      const gaps = exercises.filter((e) => e.matched === 0 || e.unmatched === 0);
      io.stdout.write('matched  unmatched  kind        id\n');
      for (const e of exercises)
        io.stdout.write(`${String(e.matched).padStart(7)}  ${String(e.unmatched).padStart(9)}  ${e.kind.padEnd(10)}  ${e.id}${gaps.includes(e) ? '   <- not exercised both ways' : ''}\n`);
      const blocking = gaps.filter((e) => e.kind !== 'condition');
      io.stdout.write(`${exercises.length} exercised items, ${gaps.length} not exercised both ways (${blocking.length} diagnoses or workarounds)\n`);
      if (blocking.length) throw new CliFailure(`${blocking.length} diagnoses or workarounds lack a matching or a non-matching scenario`);
    });

  program
    .command('diagnose')
    .description('Diagnose facts given as --fact name=value (lists comma-separated, null for unknown), or as --json with the body POST /v1/diagnose takes.')
    .option('--fact <name=value>', 'a fact; repeat for more', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--json <body>', 'the request body of POST /v1/diagnose, {"facts": {...}}; --fact adds to its facts')
    .option('--text <words>', "what the user said, in their own words, read for facts the stated ones do not give; replaces --json's text")
    .option('--format <format>', 'text or json', 'text')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .action(async (options: { fact: string[]; json?: string; text?: string; format: string; rules: string }) => {
      const kb = loadKnowledgeBase(options.rules);
      const flags: Record<string, unknown> = {};
      for (const pair of options.fact) {
        const at = pair.indexOf('=');
        if (at < 1) throw new CliFailure(`--fact ${pair}: write name=value`);
        Object.defineProperty(flags, pair.slice(0, at), { value: parseFactValue(kb, pair.slice(0, at), pair.slice(at + 1)), enumerable: true });
      }
      const input = diagnoseInput(options.json, flags, kb, new Contract(), options.text);
      if (!input.ok) throw new CliFailure(input.lines.join('\n'));
      let answer;
      try {
        answer = await diagnoseAnswer({ kb, diagnoser: new Diagnoser(kb) }, input, { includeCandidates: false });
      } catch (error) {
        if (error instanceof AppError) throw new CliFailure(error.errors?.map(fieldLine).join('\n') ?? error.message);
        throw error;
      }
      io.stdout.write(options.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : readable(answer, kb.vocabulary));
    });

  program
    .command('file')
    .description('Write a configuration file a workaround calls for, with ports as name=port (e.g. directoryPort=5001); --help lists the files.')
    // Listed when help is asked for, not when the command line is built: every command would
    // otherwise load the bundled rules first, and fail with them while an article is unfinished.
    .addHelpText('after', () => `\nFiles the bundled knowledge base's workarounds call for: ${artifactNames(loadKnowledgeBase(bundledRulesDir)).join(', ')}.`)
    .argument('<name>', 'the file name')
    .argument('[ports...]', 'the ports, as name=port')
    .option('-o, --output <file>', 'where to write it (default: standard output)')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .action(async (name: string, pairs: string[], options: { output?: string; rules: string }) => {
      const ports: Record<string, number> = {};
      for (const pair of pairs) {
        const match = /^(\w+)=(\d{1,5})$/.exec(pair);
        if (!match) throw new CliFailure(`${pair}: write name=port, e.g. directoryPort=5001`);
        ports[match[1]!] = Number(match[2]);
      }
      const kb = loadKnowledgeBase(options.rules);
      const names = artifactNames(kb);
      if (!names.includes(name)) throw new CliFailure(`${name}: choose ${names.join(' or ')}`);
      const { required, optional } = artifactSettings(kb, name);
      const unknown = Object.keys(ports).filter((key) => ![...required, ...optional].includes(key));
      if (unknown.length) throw new CliFailure(`${unknown.join(', ')}: not a setting of ${name}; settings: ${[...required, ...optional].join(', ')}`);
      let artifact;
      try {
        ({ artifact } = configurationFile(kb, name, ports));
      } catch (error) {
        if (error instanceof AppError) throw new CliFailure((error.errors ?? []).map((e) => `${e.pointer.replace(queryPointer(''), '')}: ${e.detail}`).join('\n') || error.message);
        throw error;
      }
      // As annotate: the file on standard output unless -o names one, and what was written on
      // standard error, so that `outlook-kb file ... > ports.reg` holds the file alone.
      if (options.output) fs.writeFileSync(options.output, artifact.content);
      else await write(io.stdout, artifact.content);
      io.stderr.write(`wrote ${options.output ?? artifact.fileName} to ${options.output ? 'the file' : 'standard output'} (${artifact.workaround})\n`);
    });

  program
    .command('stats')
    .description('Print the field figures of the decision log (as GET /v1/stats): per article, diagnosis and workaround, from the store the service uses (DATABASE_URL, else DATA_DIR).')
    .option('--from <time>', 'decisions at or after this time (RFC 3339), taken down to the hour')
    .option('--to <time>', 'decisions before this time (RFC 3339), taken up to the hour')
    .option('--kb-revision <revision>', 'only decisions of this knowledge-base revision')
    .option('--data-dir <dir>', "the embedded store's folder (default: DATA_DIR, else ./data)")
    .option('--database-url <url>', 'a PostgreSQL store (default: DATABASE_URL)')
    .option('--format <format>', 'table or json', 'table')
    .option('--rules <dir>', 'knowledge base directory', bundledRulesDir)
    .action(async (options: { from?: string; to?: string; kbRevision?: string; dataDir?: string; databaseUrl?: string; format: string; rules: string }) => {
      for (const [name, value] of [
        ['--from', options.from],
        ['--to', options.to],
      ] as const) {
        if (value !== undefined && Number.isNaN(Date.parse(value))) throw new CliFailure(`${name} ${value}: write a time as RFC 3339, e.g. 2026-11-01T00:00:00Z`);
      }
      const kb = loadKnowledgeBase(options.rules);
      const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
      const store = await openStore({ dataDir: path.resolve(options.dataDir ?? process.env.DATA_DIR ?? 'data'), ...(databaseUrl ? { databaseUrl } : {}) });
      try {
        const query = {
          ...(options.from !== undefined ? { from: options.from } : {}),
          ...(options.to !== undefined ? { to: options.to } : {}),
          ...(options.kbRevision !== undefined ? { kbRevision: options.kbRevision } : {}),
        };
        const figures = await fieldFigures(new DecisionRecorder({ log: store.decisions }), kb, query).catch((error: unknown) => {
          if (error instanceof AppError) throw new CliFailure(error.message);
          throw error;
        });
        io.stdout.write(options.format === 'json' ? `${JSON.stringify(figures, null, 2)}\n` : figuresTable(figures));
      } finally {
        await store.close();
      }
    });

  program
    .command('serve')
    .description('Start the HTTP service with the settings from the environment (see the README); SIGHUP reloads, SIGTERM stops.')
    .action(async () => {
      await run();
    });

  return program;
}

/** The version in package.json: the one `npm install` and the service's contract (info.version) carry. */
function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Writes to a stream and waits until it has taken the bytes (a pipe to a slow reader). */
async function write(stream: Writable, bytes: Buffer): Promise<void> {
  if (!stream.write(bytes)) await once(stream, 'drain');
}

/** A path as the author reads it: from the project root when inside it. */
function shown(file: string): string {
  const relative = path.relative(projectRoot, path.resolve(file));
  return relative.startsWith('..') ? file : relative;
}

/**
 * The field figures as a table: one line per article, then its diagnoses and workarounds with
 * their counts, and what its stalled consultations stopped on.
 */
function figuresTable(figures: FieldFigures): string {
  const columns = ['reported', 'confirmed', 'agreed', 'disagreed', 'offered', 'resolved', 'closed', 'rate'];
  const width = Math.max(40, ...figures.articles.flatMap((a) => [...a.diagnoses, ...a.workarounds].map((item) => item.id.length)));
  const row = (kind: string, id: string, cells: Record<string, string | number>) =>
    `${kind.padEnd(10)}  ${id.padEnd(width)}  ${columns.map((c) => String(cells[c] ?? '').padStart(c.length)).join('  ')}\n`;
  const range = [figures.from && `from ${figures.from}`, figures.to && `to ${figures.to}`, figures.kbRevision && `revision ${figures.kbRevision}`].filter(Boolean).join(', ');
  const outcomes =
    Object.entries(figures.outcomes)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ') || 'none';
  let text = `${figures.decisions} decisions${range ? ` (${range})` : ''}, ${figures.stalled} stalled; outcomes: ${outcomes}\n\n`;
  text += `${'kind'.padEnd(10)}  ${'id'.padEnd(width)}  ${columns.join('  ')}\n`;
  for (const article of figures.articles) {
    text += row('article', article.id, { reported: article.reported });
    for (const d of article.diagnoses) text += row('diagnosis', d.id, { reported: d.reported, confirmed: d.confirmed, agreed: d.agreed, disagreed: d.disagreed });
    for (const w of article.workarounds)
      text += row('workaround', w.id, { offered: w.offered, resolved: w.resolved, closed: w.closed, rate: w.resolutionRate === null ? '-' : w.resolutionRate.toFixed(2) });
    if (article.stalledOn.length) text += `${''.padEnd(10)}  stalled on: ${article.stalledOn.map((s) => `${s.fact} (${s.count})`).join(', ')}\n`;
  }
  return text;
}

function parseFactValue(kb: ReturnType<typeof loadKnowledgeBase>, name: string, text: string): unknown {
  const type = kb.vocabulary.get(name)?.type;
  if (text === 'null') return null;
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (type === 'string-list')
    return text
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  return text;
}

/**
 * The answer as the ticket note's plain text says it (statuses, scope, conflicts and every
 * inference labelled "derived"), with the next question as the --fact to send.
 */
function readable(answer: Awaited<ReturnType<typeof diagnoseAnswer>>, vocabulary: Vocabulary): string {
  const facts: Record<string, AnnotatedFact> = {};
  for (const [name, value] of Object.entries(answer.facts.given)) facts[name] = { value, source: 'given', evidence: [] };
  // Read from --text: shown with the words they came from, as a ticket's are. The text was read as
  // a ticket's body (see diagnoseAnswer), which is what the note's spans can name; the answer calls it text.
  for (const [name, { value, confidence, evidence }] of Object.entries(answer.facts.fromText ?? {})) {
    facts[name] = { value, source: 'extracted', confidence, evidence: evidence.map((span) => ({ ...span, field: 'body' as const })) };
  }
  const blocks = noteBlocks({ ...answer, facts, context: [], derivations: answer.facts.derivations }, vocabulary);
  const [next] = answer.questions;
  const hint = next ? `Ask next as: --fact ${next.fact}=${next.values.length ? next.values.map((v) => v.value).join('|') : '<address>'}\n` : '';
  return renderNote(blocks, answer.kb.revision).text + hint;
}

if (require.main === module) {
  cli({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, progress: Boolean(process.stderr.isTTY) })
    .parseAsync(process.argv)
    .catch((error: Error) => {
      if (error instanceof CommanderError) process.exit(error.exitCode);
      if (error instanceof CliFailure) {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      }
      process.stderr.write(`outlook-kb: ${error.message}\n`);
      process.exit(1);
    });
}
