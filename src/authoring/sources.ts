import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../kb/load';
import type { Article, Source } from '../kb/model';
import type { LintFinding } from './lint';

/** The stored source texts (rules/sources/), by file name. */
export type SourceTexts = ReadonlyMap<string, string>;

const SOURCES_DIR = 'sources';

/** The stored source texts of a rules directory; none when it has no sources/ folder. */
export function readSourceTexts(rulesDir: string): SourceTexts {
  const dir = path.join(rulesDir, SOURCES_DIR);
  if (!fs.existsSync(dir)) return new Map();
  return new Map(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/**
 * Checks every citation in the knowledge base against the stored text it names: a quote must
 * appear in it word for word (white space and typographic quotes aside), a section must be named
 * in it, and a paragraph (for sources without headings) must exist and hold the quote. A
 * citation whose text is not stored is reported too, so that nothing is cited unseen.
 */
export function checkCitations(kb: KnowledgeBase, texts: SourceTexts): LintFinding[] {
  const findings: LintFinding[] = [];
  const normalized = new Map([...texts].map(([name, text]) => [name, normalize(text)]));
  const paragraphs = new Map([...texts].map(([name, text]) => [name, proseParagraphs(text)]));
  const documents = new Map<string, string[]>();
  for (const bound of kb.bounds.values()) for (const document of bound.documents) documents.set(document.id, [document.seed]);
  for (const article of kb.articles)
    documents.set(
      article.id,
      article.revisions.map((r) => r.seed),
    );

  const check = (file: string, owner: Article | undefined, node: unknown, pointer: string) =>
    walkSources(node, pointer, (source, at) => {
      const seeds = seedsFor(source, owner, documents);
      if (seeds.length === 0) {
        findings.push({
          level: 'error',
          file,
          pointer: at,
          message: `no stored text for ${source.article ?? owner?.id ?? 'this citation'}: add it to rules/${SOURCES_DIR}/ and name it as a revision's or reference's seed`,
        });
        return;
      }
      const missing = seeds.filter((seed) => !texts.has(seed));
      if (missing.length) {
        findings.push({ level: 'error', file, pointer: at, message: `rules/${SOURCES_DIR}/${missing.join(', ')} does not exist` });
        return;
      }
      const inAny = (probe: (seed: string) => boolean) => seeds.some(probe);
      if (source.quote !== undefined && !inAny((seed) => normalized.get(seed)!.includes(normalize(source.quote!)))) {
        findings.push({ level: 'error', file, pointer: `${at}/quote`, message: `the quote is not in ${seeds.join(' or ')}: "${source.quote}"` });
      }
      if (source.section !== undefined && !inAny((seed) => normalized.get(seed)!.toLowerCase().includes(normalize(source.section!).toLowerCase()))) {
        findings.push({ level: 'error', file, pointer: `${at}/section`, message: `${seeds.join(' or ')} names no section "${source.section}"` });
      }
      if (source.paragraph !== undefined) {
        const holds = inAny((seed) => {
          const paragraph = paragraphs.get(seed)![source.paragraph! - 1];
          return paragraph !== undefined && (source.quote === undefined || paragraph.includes(normalize(source.quote)));
        });
        if (!holds) findings.push({ level: 'error', file, pointer: `${at}/paragraph`, message: `paragraph ${source.paragraph} of ${seeds.join(' or ')} does not exist or does not hold the quote` });
      }
    });

  for (const article of kb.articles) check(`articles/${article.id}.json`, article, article, '');
  for (const [i, bound] of [...kb.bounds.values()].entries()) check('bounds.json', undefined, bound, `/bounds/${i}`);
  kb.vocabulary.facts.forEach((fact, i) => check('facts.json', undefined, fact, `/facts/${i}`));
  return findings;
}

/** The stored texts a source can be checked against. */
function seedsFor(source: Source, owner: Article | undefined, documents: ReadonlyMap<string, string[]>): string[] {
  if (source.article) {
    const reference = owner?.references.find((r) => r.id === source.article && r.seed);
    return reference ? [reference.seed!] : (documents.get(source.article) ?? []);
  }
  if (!owner) return [];
  return owner.revisions.filter((r) => !source.revisions || source.revisions.includes(r.id)).map((r) => r.seed);
}

function walkSources(node: unknown, pointer: string, visit: (source: Source, pointer: string) => void): void {
  if (Array.isArray(node)) return node.forEach((item, i) => walkSources(item, `${pointer}/${i}`, visit));
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'source' || key === 'reasonSource') && value && typeof value === 'object') visit(value as Source, `${pointer}/${key}`);
    else walkSources(value, `${pointer}/${key}`, visit);
  }
}

// Stored copies break lines, indent and quote typographically at will; the words are what count.
const normalize = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The prose paragraphs of a text without headings, numbered from 1: blocks between blank lines
 * that read as sentences (100 characters or more, ending with a full stop, question or
 * exclamation mark). Page furniture (navigation, link lists, bylines) falls outside.
 */
function proseParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map(normalize)
    .filter((block) => block.length >= 100 && /[.!?]$/.test(block));
}
