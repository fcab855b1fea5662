#!/usr/bin/env node
import fs from 'node:fs';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { annotateLines } from './annotate/batch';
import { Contract } from './api/contract';
import { ndjsonLines } from './api/ndjson';
import { MAX_NDJSON_LINE } from './api/routes/annotate';
import { configFromEnv } from './config';
import { Diagnoser } from './engine/diagnose';
import { loadKnowledgeBase } from './kb/load';
import { bundledRulesDir } from './paths';
import { startService } from './server';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal, where a progress bar makes sense. */
  progress: boolean;
}

/** The command line: `outlook-kb annotate` and `outlook-kb serve`. */
export function cli(io: CliIo): Command {
  const program = new Command('outlook-kb')
    .description('Diagnoses why Outlook, Outlook Web Access and Exchange ActiveSync clients cannot connect through firewalls and NAT.')
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
      const bar = io.progress ? new SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: 'annotating [{bar}] {percentage}% | {tickets} tickets', hideCursor: true, noTTYOutput: true }, Presets.shades_classic) : undefined;
      bar?.start(total || 1, 0, { tickets: 0 });
      let count = 0;
      let failed = 0;
      for await (const result of annotateLines(ndjsonLines(source, MAX_NDJSON_LINE), served, contract.validator(contract.schemaPointer('Ticket')), `file:${input}`, MAX_NDJSON_LINE)) {
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
    .command('serve')
    .description('Start the HTTP service (PORT, HOST, RULES_DIR and ZENDESK_WEBHOOK_SECRET from the environment).')
    .action(async () => {
      const { kb, url } = await startService(configFromEnv());
      io.stdout.write(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on ${url}\n`);
    });

  return program;
}

if (require.main === module) {
  cli({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, progress: Boolean(process.stderr.isTTY) })
    .parseAsync(process.argv)
    .catch((error: Error) => {
      if (error instanceof CommanderError) process.exit(error.exitCode);
      process.stderr.write(`outlook-kb: ${error.message}\n`);
      process.exit(1);
    });
}
