import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkConditions } from './check-conditions';
import { KnowledgeBaseError } from './errors';
import { compileExtraction, EXTRACTION_FILE, type Extraction, type ExtractionFile } from './extraction';
import type { Article, VocabularyFile } from './model';
import { assertValid, compileFileValidators } from './schemas';
import { Vocabulary } from './vocabulary';

/** A fully validated knowledge base. It is built whole or not at all. */
export interface KnowledgeBase {
  /** Digest of every file the knowledge base was built from. */
  readonly revision: string;
  readonly vocabulary: Vocabulary;
  /** Sorted by id. */
  readonly articles: readonly Article[];
  /** How facts are read from ticket text. */
  readonly extraction: Extraction;
}

const VOCABULARY_FILE = 'facts.json';
const ARTICLES_DIR = 'articles';

/**
 * Reads and validates rules/: the vocabulary, the extraction patterns, then every article. Any fault (invalid JSON, a
 * schema violation, an unknown fact, a value outside a fact's set, a duplicate id, a dangling
 * workaround reference) throws a KnowledgeBaseError naming the file and JSON pointer.
 */
export function loadKnowledgeBase(rulesDir: string): KnowledgeBase {
  const validators = compileFileValidators();
  const digest = crypto.createHash('sha256');
  const read = (relative: string): unknown => {
    const text = readText(rulesDir, relative);
    digest.update(`${relative}\0${text}\0`);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new KnowledgeBaseError(relative, '', `not valid JSON: ${(error as Error).message}`);
    }
  };

  const vocabularyFile = read(VOCABULARY_FILE);
  assertValid(validators.vocabulary, vocabularyFile, VOCABULARY_FILE);
  const vocabulary = checkVocabulary(vocabularyFile as VocabularyFile);

  const extractionFile = read(EXTRACTION_FILE);
  assertValid(validators.extraction, extractionFile, EXTRACTION_FILE);
  const extraction = compileExtraction(extractionFile as ExtractionFile, vocabulary);

  const files = listArticles(rulesDir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new KnowledgeBaseError(ARTICLES_DIR, '', 'no article files');

  const articles = files.map((name) => {
    const relative = `${ARTICLES_DIR}/${name}`;
    const data = read(relative);
    assertValid(validators.article, data, relative);
    const article = data as Article;
    checkArticle(article, name, relative, vocabulary);
    return article;
  });

  checkSupersedes(articles);
  return {
    revision: digest.digest('hex').slice(0, 12),
    vocabulary,
    extraction,
    articles: articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

function readText(rulesDir: string, relative: string): string {
  try {
    return fs.readFileSync(path.join(rulesDir, relative), 'utf8');
  } catch (error) {
    throw new KnowledgeBaseError(relative, '', `cannot read ${path.join(rulesDir, relative)}: ${(error as Error).message}`);
  }
}

function listArticles(rulesDir: string): string[] {
  try {
    return fs.readdirSync(path.join(rulesDir, ARTICLES_DIR));
  } catch (error) {
    throw new KnowledgeBaseError(ARTICLES_DIR, '', `cannot list ${path.join(rulesDir, ARTICLES_DIR)}: ${(error as Error).message}`);
  }
}

function checkVocabulary(file: VocabularyFile): Vocabulary {
  assertUnique(file.facts.map((fact) => fact.name), VOCABULARY_FILE, (i) => `/facts/${i}/name`, 'fact name');
  const vocabulary = new Vocabulary(file.facts);
  file.facts.forEach((fact, i) => {
    if (fact.values) {
      assertUnique(fact.values.map((v) => String(v.value)), VOCABULARY_FILE, (j) => `/facts/${i}/values/${j}/value`, `value of "${fact.name}"`);
    }
    if (fact.derivedFrom !== undefined && vocabulary.get(fact.derivedFrom)?.type !== 'ip-address') {
      throw new KnowledgeBaseError(VOCABULARY_FILE, `/facts/${i}/derivedFrom`, `"${fact.derivedFrom}" is not an ip-address fact`);
    }
  });
  return vocabulary;
}

function checkArticle(article: Article, fileName: string, file: string, vocabulary: Vocabulary): void {
  if (`${article.id}.json` !== fileName) {
    throw new KnowledgeBaseError(file, '/id', `article id "${article.id}" does not match the file name ${fileName}`);
  }
  assertUnique(article.revisions.map((r) => r.id), file, (i) => `/revisions/${i}/id`, 'revision id');
  assertUnique(article.diagnoses.map((d) => d.id), file, (i) => `/diagnoses/${i}/id`, 'diagnosis id');
  assertUnique(article.workarounds.map((w) => w.id), file, (i) => `/workarounds/${i}/id`, 'workaround id');

  const workaroundIds = new Set(article.workarounds.map((w) => w.id));
  article.diagnoses.forEach((diagnosis, i) => {
    checkConditions(diagnosis.conditions, vocabulary, file, `/diagnoses/${i}/conditions`);
    diagnosis.workarounds.forEach((id, j) => {
      if (!workaroundIds.has(id)) {
        throw new KnowledgeBaseError(file, `/diagnoses/${i}/workarounds/${j}`, `no workaround "${id}" in this article`);
      }
    });
  });
  article.workarounds.forEach((workaround, i) => {
    if (workaround.applicability) {
      checkConditions(workaround.applicability.conditions, vocabulary, file, `/workarounds/${i}/applicability/conditions`);
    }
  });
}

function checkSupersedes(articles: Article[]): void {
  const ids = new Set(articles.flatMap((a) => a.diagnoses.map((d) => `${a.id}.${d.id}`)));
  for (const article of articles) {
    article.diagnoses.forEach((diagnosis, i) => {
      diagnosis.supersedes?.forEach((entry, j) => {
        if (!ids.has(entry.diagnosis) || entry.diagnosis.startsWith(`${article.id}.`)) {
          throw new KnowledgeBaseError(`${ARTICLES_DIR}/${article.id}.json`, `/diagnoses/${i}/supersedes/${j}/diagnosis`, `"${entry.diagnosis}" is not a diagnosis of another article`);
        }
      });
    });
  }
}

function assertUnique(values: string[], file: string, pointerOf: (index: number) => string, what: string): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) throw new KnowledgeBaseError(file, pointerOf(i), `duplicate ${what} "${value}"`);
    seen.add(value);
  });
}
