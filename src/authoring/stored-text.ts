import fs from 'node:fs';
import path from 'node:path';
import type { StoredText } from './scaffold';

/** Why the stored text of a new article cannot be had; the message says what to do. */
export class StoredTextError extends Error {}

/**
 * The stored text an article is written from, in rules/sources/: the one given (copied there if it
 * is not), or Q<number>.txt for KB<number>, the name the stored Microsoft articles have.
 */
export function storedText(id: string, given: string | undefined, sourcesDir: string): StoredText & { copiedFrom?: string } {
  if (given === undefined) {
    const name = `Q${/^KB(\d+)$/.exec(id)?.[1] ?? id}.txt`;
    const file = path.join(sourcesDir, name);
    if (!fs.existsSync(file)) throw new StoredTextError(`no stored text ${file}: give the article's text with --source <file>; it is copied into ${sourcesDir}`);
    return { name, text: fs.readFileSync(file, 'utf8') };
  }
  if (!fs.existsSync(given)) throw new StoredTextError(`--source ${given}: no such file`);
  const name = path.basename(given);
  const text = fs.readFileSync(given, 'utf8');
  const target = path.join(sourcesDir, name);
  if (path.resolve(given) === path.resolve(target)) return { name, text };
  if (fs.existsSync(target)) {
    if (fs.readFileSync(target, 'utf8') !== text) throw new StoredTextError(`${target} exists with other content than ${given}: rename one of them`);
    return { name, text };
  }
  fs.mkdirSync(sourcesDir, { recursive: true });
  fs.copyFileSync(given, target);
  return { name, text, copiedFrom: given };
}
