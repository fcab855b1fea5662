import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../../src/paths';

/**
 * Writes, under `parent`, a copy of the project whose dist/ is this checkout's src/ as it is now,
 * transpiled, and returns its folder. Tests that start the service as a process run it from
 * there: as documented (`node dist/main.js`, `npm start`), from the sources under test rather
 * than whatever the checkout's dist/ holds, and without tsx compiling every process's modules
 * again (half a second a start, tens of starts a run). rules/, node_modules/ and the rest are
 * links into the checkout.
 */
export function writeBuiltProject(parent: string): string {
  const root = fs.mkdtempSync(path.join(parent, 'built-'));
  const { options } = ts.convertCompilerOptionsFromJson((JSON.parse(fs.readFileSync(path.join(projectRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: unknown }).compilerOptions, projectRoot);
  const src = path.join(projectRoot, 'src');
  for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith(path.join('web', 'page'))) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), 'utf8'), { compilerOptions: { ...options, noEmit: false }, fileName: file });
    const target = path.join(root, 'dist', file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  for (const name of ['rules', 'openapi.yaml', 'node_modules', 'src', 'package.json']) fs.symlinkSync(path.join(projectRoot, name), path.join(root, name));
  return root;
}

/** The run's built project (written once by the global setup, see writeBuiltProject). */
export function builtProject(): string {
  const root = process.env.TEST_BUILT_PROJECT;
  if (!root) throw new Error('TEST_BUILT_PROJECT is not set: the global setup (test/support/global-setup.ts) writes it');
  return root;
}
