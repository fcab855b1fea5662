import fs from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020';
import { qualify } from '../engine/rules';
import { normalizeFacts } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import { projectRoot } from '../paths';
import type { LintFinding } from './lint';
import { rulesSchema } from './rules-schema';
import { unfinishedFindings } from './unfinished';

/**
 * One article's scenario table (test/scenarios/<ID>.json; rules/schemas/scenario-table.schema.json
 * is its format). A `valid` case must produce exactly the listed diagnoses of its article, with
 * exactly the listed workarounds (true: applies, false: excluded, null: depends on a missing
 * fact); an `invalid` case must not confirm `notDiagnosed` and must show each `notApplicable`
 * workaround as excluded. harness/scenario-tester.ts runs them.
 */
export interface ScenarioTable {
  article: string;
  valid: {
    name: string;
    facts: Record<string, unknown>;
    /** Confirmed diagnoses of the article. */
    diagnoses: string[];
    likely?: string[];
    outOfScope?: string[];
    workarounds: Record<string, boolean | null>;
    /** Facts a derivation disagrees on with what was stated. */
    conflicts?: string[];
  }[];
  invalid: { name: string; facts: Record<string, unknown>; notDiagnosed?: string[]; notApplicable?: string[]; conflicts?: string[] }[];
}

/** A scenario table file as read: its name, where to say it is, and its JSON (unchecked). */
export interface ScenarioFile {
  /** The file name, <ID>.json. */
  name: string;
  /** How findings name it: its path from the project root when it is inside it. */
  label: string;
  content: unknown;
  /** Why the file is not JSON, when it is not. */
  parseError?: string;
}

/** The scenario table files of a directory (its *.json files), in file name order, parsed. */
export function readScenarioFiles(dir: string): ScenarioFile[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const full = path.join(dir, name);
      const relative = path.relative(projectRoot, full);
      const label = relative.startsWith('..') ? full : relative;
      const text = fs.readFileSync(full, 'utf8');
      try {
        return { name, label, content: JSON.parse(text) as unknown };
      } catch (error) {
        return { name, label, content: undefined, parseError: (error as Error).message };
      }
    });
}

/** The scenario tables of a directory, for a caller that has checked them (coverage). */
export function readScenarioTables(dir: string): ScenarioTable[] {
  return readScenarioFiles(dir).map((file) => file.content as ScenarioTable);
}

const SCHEMA = 'scenario-table.schema.json';

/** The keys a table, a valid row and an invalid row take, as the schema lists them. */
function schemaKeys(): { table: string[]; validRow: string[]; invalidRow: string[] } {
  const { schema } = rulesSchema(SCHEMA);
  const defs = schema.$defs as Record<string, { properties: object }>;
  return {
    table: Object.keys(schema.properties as object).filter((k) => k !== '$schema'),
    validRow: Object.keys(defs.validRow!.properties),
    invalidRow: Object.keys(defs.invalidRow!.properties),
  };
}

function validateTable(content: unknown): ErrorObject[] {
  const { validate } = rulesSchema(SCHEMA);
  return validate(content) ? [] : (validate.errors ?? []);
}

/**
 * Checks every scenario table (see checkScenarioFile), and that each article has a table and each
 * table an article. `unfinished` are the articles still holding placeholders: their tables are
 * checked against the schema only, since the articles are not built.
 */
export function checkScenarioFiles(kb: KnowledgeBase, files: readonly ScenarioFile[], unfinished: ReadonlySet<string> = new Set()): LintFinding[] {
  const tabled = new Set(files.map((f) => f.name));
  const untabled: LintFinding[] = kb.articles
    .filter((article) => !tabled.has(`${article.id}.json`))
    .map((article) => ({
      level: 'error',
      file: `articles/${article.id}.json`,
      pointer: '',
      message: `no scenario table: write test/scenarios/${article.id}.json (outlook-kb new-article writes one to start from)`,
    }));
  return [...untabled, ...files.flatMap((file) => checkScenarioFile(kb, file, unfinished))];
}

/**
 * Checks one scenario table: its JSON against the schema (each fault named by table, row and
 * key), then against the knowledge base: the table's file name and article, ids of that article,
 * facts the vocabulary accepts, no duplicate row names or fact sets, and no row that could pass
 * without testing anything.
 */
export function checkScenarioFile(kb: KnowledgeBase, file: ScenarioFile, unfinished: ReadonlySet<string> = new Set()): LintFinding[] {
  if (file.parseError !== undefined) return [{ level: 'error', file: file.label, pointer: '', message: `not valid JSON: ${file.parseError}` }];
  // A table new-article scaffolded: what is left to fill in, and schema faults in what is written.
  const left = unfinishedFindings(rulesSchema(SCHEMA).validate, file.content, file.label);
  if (left.length) return left;
  const schemaFindings = validateTable(file.content).map((error): LintFinding => ({ level: 'error', file: file.label, pointer: error.instancePath, message: describe(error, file.content) }));
  // The checks against the knowledge base read the table as the schema shapes it, and need its article built.
  if (schemaFindings.length || unfinished.has(file.name.replace(/\.json$/, ''))) return schemaFindings;
  return tableFindings(kb, file);
}

type Row = ScenarioTable['valid'][number] | ScenarioTable['invalid'][number];

function tableFindings(kb: KnowledgeBase, file: ScenarioFile): LintFinding[] {
  const table = file.content as ScenarioTable;
  const findings: LintFinding[] = [];
  const fault = (pointer: string, message: string) => findings.push({ level: 'error', file: file.label, pointer, message });
  if (file.name !== `${table.article}.json`) fault('/article', `the table of ${table.article} must be named ${table.article}.json`);
  const article = kb.articles.find((a) => a.id === table.article);
  if (!article) {
    fault('/article', `no article ${table.article} in rules/articles/; known: ${kb.articles.map((a) => a.id).join(', ')}`);
    return findings;
  }
  const diagnoses = new Set(article.diagnoses.map((d) => qualify(article.id, d.id)));
  const workarounds = new Set(article.workarounds.map((w) => qualify(article.id, w.id)));
  const names = new Set<string>();
  const factSets = new Map<string, string>();
  const rows: [string, number, Row][] = [...table.valid.map((row, i) => ['valid', i, row] as [string, number, Row]), ...table.invalid.map((row, i) => ['invalid', i, row] as [string, number, Row])];
  for (const [part, i, row] of rows) {
    const at = `/${part}/${i}`;
    const says = `${part} row ${i + 1} ("${row.name}")`;
    if (names.has(row.name)) fault(`${at}/name`, `${says}: another row has the same name`);
    names.add(row.name);
    const key = JSON.stringify(Object.entries(row.facts).sort());
    const twin = factSets.get(key);
    if (twin) fault(`${at}/facts`, `${says}: repeats the facts of ${twin}`);
    factSets.set(key, says);
    const normalized = normalizeFacts(row.facts, kb.vocabulary, `${at}/facts`);
    if (!normalized.ok) for (const error of normalized.errors) fault(error.pointer, `${says}, key "facts": ${error.detail}${error.allowed ? `; allowed: ${error.allowed.join(', ')}` : ''}`);
    const known = (key: string, ids: readonly string[], set: Set<string>, what: string) =>
      ids.forEach((id, j) => {
        if (!set.has(id)) fault(`${at}/${key}/${j}`, `${says}, key "${key}": no ${what} ${id} in ${article.id}; it has: ${[...set].join(', ')}`);
      });
    if (part === 'valid') {
      const valid = row as ScenarioTable['valid'][number];
      const expected = [...valid.diagnoses, ...(valid.likely ?? []), ...(valid.outOfScope ?? [])];
      if (expected.length === 0) fault(at, `${says} expects no diagnosis: make it an invalid row (notDiagnosed), or name what it must report`);
      for (const key of ['diagnoses', 'likely', 'outOfScope'] as const) known(key, valid[key] ?? [], diagnoses, 'diagnosis');
      Object.keys(valid.workarounds).forEach((id) => {
        if (!workarounds.has(id)) fault(`${at}/workarounds`, `${says}, key "workarounds": no workaround ${id} in ${article.id}; it has: ${[...workarounds].join(', ')}`);
      });
    } else {
      const invalid = row as ScenarioTable['invalid'][number];
      if (!invalid.notDiagnosed?.length && !invalid.notApplicable?.length && !invalid.conflicts?.length) {
        fault(at, `${says} asserts nothing: give notDiagnosed, notApplicable or conflicts`);
      }
      known('notDiagnosed', invalid.notDiagnosed ?? [], diagnoses, 'diagnosis');
      known('notApplicable', invalid.notApplicable ?? [], workarounds, 'workaround');
    }
  }
  return findings;
}

/** An ajv error in the author's terms: the row (by number and name), the key, what is wrong. */
function describe(error: ErrorObject, table: unknown): string {
  const segments = error.instancePath.split('/').slice(1);
  const params = error.params as Record<string, unknown>;
  const [part, index, key] = segments;
  const row = (part === 'valid' || part === 'invalid') && index !== undefined ? (table as Record<string, { name?: unknown }[]>)[part]?.[Number(index)] : undefined;
  const where = row ? `${part} row ${Number(index) + 1}${typeof row.name === 'string' ? ` ("${row.name}")` : ''}` : segments.length ? `key "${segments.join('/')}"` : 'the table';
  const all = schemaKeys();
  if (error.keyword === 'additionalProperties' && (row ? key === undefined : segments.length === 0)) {
    const keys = row ? (part === 'valid' ? all.validRow : all.invalidRow) : all.table;
    return `${where}: unknown key "${String(params.additionalProperty)}"; ${row ? `a ${part} row` : 'a table'} takes ${keys.join(', ')}`;
  }
  if (error.keyword === 'required') return `${where}: misses the key "${String(params.missingProperty)}"`;
  const keyName = row && key !== undefined ? `, key "${segments.slice(2).join('/')}"` : '';
  if (error.keyword === 'enum') return `${where}${keyName}: ${error.message}: ${JSON.stringify(params.allowedValues)}`;
  return `${where}${keyName}: ${error.message ?? error.keyword}`;
}
