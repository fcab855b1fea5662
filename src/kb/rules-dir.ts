import fs from 'node:fs';
import path from 'node:path';
import { KnowledgeBaseError } from './errors';
import { EXTRACTION_FILE, LEXICONS_DIR } from './extraction';
import type { KnowledgeBaseSource } from './load';

/**
 * Reads rules/ into the content buildKnowledgeBase takes: each file parsed as JSON, nothing
 * checked beyond that. A file that cannot be read or parsed throws a KnowledgeBaseError naming it.
 */
export function readRulesDir(rulesDir: string): KnowledgeBaseSource {
  const read = (relative: string): unknown => {
    const text = readText(rulesDir, relative);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new KnowledgeBaseError(relative, '', `not valid JSON: ${(error as Error).message}`);
    }
  };
  const folder = (dir: string) => Object.fromEntries(listJsonFiles(rulesDir, dir).map((name) => [name, read(`${dir}/${name}`)]));
  return { vocabulary: read('facts.json'), extraction: read(EXTRACTION_FILE), lexicons: folder(LEXICONS_DIR), bounds: read('bounds.json'), articles: folder('articles'), tags: read('tags.json') };
}

function readText(rulesDir: string, relative: string): string {
  try {
    return fs.readFileSync(path.join(rulesDir, relative), 'utf8');
  } catch (error) {
    throw new KnowledgeBaseError(relative, '', `cannot read ${path.join(rulesDir, relative)}: ${(error as Error).message}`);
  }
}

/** The JSON files of a folder of rules/, in name order. Lexicons are optional; articles are not. */
function listJsonFiles(rulesDir: string, dir: string): string[] {
  const full = path.join(rulesDir, dir);
  if (dir === LEXICONS_DIR && !fs.existsSync(full)) return [];
  try {
    return fs
      .readdirSync(full)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new KnowledgeBaseError(dir, '', `cannot list ${full}: ${(error as Error).message}`);
  }
}
