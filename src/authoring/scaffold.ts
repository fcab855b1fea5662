import fs from 'node:fs';
import path from 'node:path';
import { bundledRulesDir } from '../paths';
import { PLACEHOLDER, placeholders } from '../kb/placeholders';

/** A stored source text: its file name in rules/sources/ and its content. */
export interface StoredText {
  name: string;
  text: string;
}

/** Whether a string is an article id as the article schema has them (KB180795, TIP-EAS-NAT). */
export function isArticleId(id: string): boolean {
  const schema = JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'schemas', 'article.schema.json'), 'utf8')) as { properties: { id: { pattern: string } } };
  return new RegExp(schema.properties.id.pattern).test(id);
}

/**
 * The start of an article's rule file and scenario table: what the stored text's header gives
 * (title, address, date) filled in, everything else a placeholder that says what to write there,
 * including one diagnosis with one condition, its scope, one workaround, and one row of each kind.
 * Nothing about the product is guessed: the header's product and version lines are quoted in the
 * hints, for the author to place.
 */
export function scaffold(id: string, stored: StoredText): { article: Record<string, unknown>; table: Record<string, unknown>; placeholders: number } {
  const header = readHeader(stored.text);
  const todo = (hint: string) => `${PLACEHOLDER}: ${hint}`;
  const source = (what: string) => ({ section: todo(`the section of ${stored.name} that ${what}; add "quote": its words, as stored`) });
  const title = header.title ?? todo(`the article's title, as ${stored.name} gives it`);
  const article = {
    $schema: '../schemas/article.schema.json',
    id,
    kind: 'kb-article',
    title,
    url: header.url ?? todo(`the article's address (https://...)${header.source ? `; the stored text's source line says: ${header.source}` : ''}`),
    revisions: [
      {
        id: header.date ?? todo('an id for the revision encoded: its date as YYYY-MM-DD, or its revision number'),
        ...(header.date ? { date: header.date } : {}),
        title,
        seed: stored.name,
      },
    ],
    appliesTo: [
      {
        product: todo(`the product as the text names it${header.applies ? ` (its header: ${header.applies})` : ''}`),
        fact: todo('the fact whose values the versions are (exchangeVersion, outlookVersion); remove "fact" and "versions" if the text names no versions'),
        versions: [todo('each version the text names, as a value of that fact in rules/facts.json')],
        source: source('names the products and versions ("The information in this article applies to")'),
      },
    ],
    references: [],
    diagnoses: [
      {
        id: todo('a short id for the cause, lower case with hyphens (static-port-already-in-use)'),
        title: todo('the cause, in one sentence'),
        conditions: {
          all: [
            {
              fact: todo('a fact of rules/facts.json the cause depends on; add more conditions beside this one (a new fact or value: see docs/authoring.md)'),
              operator: 'equal',
              value: todo('the value the text gives; "operator" may be in, notIn, contains (for symptoms), doesNotContain, notEqual'),
              source: source('says so'),
            },
          ],
        },
        scope: {
          all: [
            {
              fact: todo('the fact applies-to names versions of; remove "scope" if it names none'),
              operator: 'in',
              value: [todo('the versions applies-to names')],
              source: source('names the versions'),
            },
          ],
        },
        cause: [{ text: todo('the cause as the text explains it, in your words'), source: source('explains it') }],
        workarounds: [todo('the id of the workaround below')],
      },
    ],
    workarounds: [
      {
        id: todo('a short id for the workaround, lower case with hyphens'),
        title: todo('the workaround, in one sentence'),
        steps: [{ text: todo('the first step, as the text gives it'), source: source('gives it') }],
        source: source('gives the workaround ("Resolution", "Workaround")'),
      },
    ],
  };
  const facts = { [todo('a fact the cause depends on')]: todo('its value (a list for symptoms)') };
  const table = {
    $schema: '../../rules/schemas/scenario-table.schema.json',
    article: id,
    valid: [
      {
        name: todo('what the row shows: facts in the versions the text names, under which the cause holds'),
        facts,
        diagnoses: [todo(`${id}.<the diagnosis id>`)],
        workarounds: { [todo(`${id}.<the workaround id>`)]: true },
      },
    ],
    invalid: [
      {
        name: todo('what the row shows: facts under which the cause does not hold (one condition otherwise)'),
        facts,
        notDiagnosed: [todo(`${id}.<the diagnosis id>`)],
      },
    ],
  };
  return { article, table, placeholders: placeholders(article).length + placeholders(table).length };
}

interface Header {
  title?: string;
  url?: string;
  source?: string;
  date?: string;
  applies?: string;
}

/**
 * What the first lines of a stored text say of it: `source:` and `title:` (every stored text has
 * them), and for the kbarchive copies `Product(s):`, `Version(s):` and `Last Modified:`.
 */
function readHeader(text: string): Header {
  const head = text.split('\n').slice(0, 20);
  const line = (key: string) =>
    head
      .map((l) => new RegExp(`^${key}:\\s*(.+?)\\s*$`, 'i').exec(l))
      .find(Boolean)?.[1]
      ?.trim();
  const header: Header = {};
  const title = line('title');
  // The kbarchive copies put the Q number before the title ("Q180795: XADM: ...").
  if (title) header.title = title.replace(/^Q\d+:\s*/, '');
  const source = line('source');
  if (source) {
    header.source = source;
    // Only a single address is taken as the article's; a list of copies is left to the author.
    const url = /^(https?:\/\/\S+)(?:\s+\([^)]*\))?$/.exec(source);
    if (url) header.url = url[1]!;
  }
  const modified = /^(\d{1,2})-([A-Z]{3})-(\d{4})$/i.exec(line('Last Modified') ?? '');
  const month = modified ? MONTHS.indexOf(modified[2]!.toUpperCase()) + 1 : 0;
  if (modified && month > 0) header.date = `${modified[3]}-${String(month).padStart(2, '0')}-${modified[1]!.padStart(2, '0')}`;
  const applies = [line('Product\\(s\\)') && `Product(s): ${line('Product\\(s\\)')}`, line('Version\\(s\\)') && `Version(s): ${line('Version\\(s\\)')}`].filter(Boolean);
  if (applies.length) header.applies = applies.join('; ');
  return header;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
