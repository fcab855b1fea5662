import fs from 'node:fs';
import path from 'node:path';

/**
 * The shell examples of a Markdown page and the answers it shows for them. A ```sh block's
 * commands are run (see runnable); a ```json block right after it (blank lines and HTML tags such
 * as <details> between) is what its last command prints, shown whole or in part (see
 * matchesShown).
 */
export interface DocExample {
  file: string;
  /** The line of the ```sh fence, for the failure message. */
  line: number;
  commands: string[];
  /** The JSON the page shows as the last command's output, if it shows one. */
  shown?: unknown;
}

interface Fence {
  lang: string;
  body: string;
  line: number;
  /** The text between the end of the previous fence and this one. */
  before: string;
}

function fencesOf(markdown: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split('\n');
  let open: { lang: string; line: number; body: string[] } | undefined;
  let between: string[] = [];
  lines.forEach((text, i) => {
    const fence = /^```(\S*)\s*$/.exec(text);
    if (open) {
      if (fence) {
        fences.push({ lang: open.lang, body: open.body.join('\n'), line: open.line, before: between.join('\n') });
        open = undefined;
        between = [];
      } else open.body.push(text);
    } else if (fence) open = { lang: fence[1]!, line: i + 1, body: [] };
    else between.push(text);
  });
  return fences;
}

/** A block's commands, each on one line: continuations joined, comments and blank lines dropped. */
export function commandsOf(block: string): string[] {
  return block
    .replace(/\s*\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+#\s.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Every ```sh example of a page, with the ```json output it shows, if any. */
export function docExamples(file: string): DocExample[] {
  const fences = fencesOf(fs.readFileSync(file, 'utf8'));
  return fences.flatMap((fence, i) => {
    if (fence.lang !== 'sh') return [];
    const next = fences[i + 1];
    // Between them only blank lines and the HTML that folds an answer away (<details>, <summary>).
    const adjacent =
      next?.lang === 'json' &&
      next.before
        .replace(/<summary>[\s\S]*?<\/summary>/g, '')
        .replace(/<[^>]*>/g, '')
        .trim() === '';
    return [{ file, line: fence.line, commands: commandsOf(fence.body), ...(adjacent ? { shown: JSON.parse(next.body) as unknown } : {}) }];
  });
}

/** README.md and every page of docs/. */
export function documentationFiles(root: string): string[] {
  const docs = path.join(root, 'docs');
  return [
    path.join(root, 'README.md'),
    ...fs
      .readdirSync(docs)
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join(docs, f)),
  ];
}

/** A command line split into words as sh would: single and double quotes, backslash escapes. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j += 1) text += line[j] === '\\' && /["\\$`]/.test(line[j + 1] ?? '') ? line[++j] : line[j];
      if (j >= line.length) throw new Error(`unclosed " in ${line}`);
      word = (word ?? '') + text;
      i = j;
    } else if (c === '\\') {
      word = (word ?? '') + (line[i + 1] ?? '');
      i += 1;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** What a curl command line asks for: the options the pages use, and nothing else. */
export interface CurlRequest {
  method: string;
  /** The path and query, without the scheme, host and port. */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export function curlRequest(words: string[]): CurlRequest {
  let method: string | undefined;
  let url: string | undefined;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i]!;
    if (word === '-s' || word === '-sS' || word === '-S') continue;
    else if (word === '-X') method = words[++i];
    else if (word === '-H') {
      const header = words[++i]!;
      const colon = header.indexOf(':');
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
    } else if (word === '-d' || word === '--data' || word === '--data-binary') body = words[++i];
    else if (/^https?:\/\//.test(word)) url = word.replace(/^https?:\/\/[^/]+/, '');
    else throw new Error(`the page's curl uses an option the example runner does not know: ${word}`);
  }
  if (!url) throw new Error(`no URL in: ${words.join(' ')}`);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, ...(body !== undefined ? { body } : {}) };
}

/** What a page shows in place of a value that changes (a revision, an id, a time). */
const ANY_VALUE = '…';

/**
 * Whether an output matches what a page shows of it: every key the page shows, with a matching
 * value (keys it leaves out are not compared: an excerpt); arrays element by element and of the
 * same length, unless the page's array ends with "…" (more elements follow); "…" as a value
 * stands for any value. Returns where it first differs, or undefined.
 */
export function differenceFromShown(actual: unknown, shown: unknown, at = ''): string | undefined {
  if (shown === ANY_VALUE) return actual === undefined ? `${at || '/'}: missing` : undefined;
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return `${at || '/'}: an array is shown, the output has ${JSON.stringify(actual)}`;
    const open = shown[shown.length - 1] === ANY_VALUE;
    const items = open ? shown.slice(0, -1) : shown;
    if (open ? actual.length < items.length : actual.length !== items.length) return `${at || '/'}: ${items.length}${open ? ' or more' : ''} items shown, ${actual.length} in the output`;
    for (let i = 0; i < items.length; i += 1) {
      const difference = differenceFromShown(actual[i], items[i], `${at}/${i}`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at || '/'}: an object is shown, the output has ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(shown)) {
      const difference = differenceFromShown((actual as Record<string, unknown>)[key], value, `${at}/${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  return Object.is(actual, shown) ? undefined : `${at || '/'}: ${JSON.stringify(shown)} is shown, the output has ${JSON.stringify(actual)}`;
}
