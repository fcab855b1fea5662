import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { KnowledgeBaseSource } from '../kb/load';
import { placeholders } from '../kb/placeholders';
import { compileFileValidators, schemaFault } from '../kb/schemas';
import type { LintFinding } from './lint';

/**
 * The articles still holding placeholders of `outlook-kb new-article`, set apart from the rest so
 * that the rest can be built and checked as usual. Each unfinished article is reported by what is
 * left to fill in (one error per placeholder, saying what to write) and by any schema fault in
 * what is already written; a fault at a placeholder is the placeholder's.
 */
export function setAsideUnfinished(source: KnowledgeBaseSource): { finished: KnowledgeBaseSource; unfinished: Set<string>; findings: LintFinding[] } {
  const articles: Record<string, unknown> = {};
  const unfinished = new Set<string>();
  const findings: LintFinding[] = [];
  for (const [name, content] of Object.entries(source.articles)) {
    const file = `articles/${name}`;
    const found = unfinishedFindings(compileFileValidators().article, content, file);
    if (found.length === 0) articles[name] = content;
    else {
      unfinished.add(name.replace(/\.json$/, ''));
      findings.push(...found);
    }
  }
  return { finished: { ...source, articles }, unfinished, findings };
}

/** The placeholders of a file as errors, then its schema faults outside them; none for a finished file. */
export function unfinishedFindings(validate: ValidateFunction, content: unknown, file: string): LintFinding[] {
  const left = placeholders(content);
  if (left.length === 0) return [];
  const todo: LintFinding[] = left.map(({ pointer, hint }) => ({ level: 'error', file, pointer, message: `to fill in: ${hint}` }));
  const at = (error: ErrorObject) => left.some(({ pointer }) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`) || keyAt(error) === pointer);
  const faults = validate(content) ? [] : (validate.errors ?? []).filter((error) => !at(error));
  if (faults.length === 0) return todo;
  // As the loader does, the one fault that says most: with oneOf, ajv also reports every branch that did not match.
  const { pointer, reason } = schemaFault(faults);
  return [...todo, { level: 'error', file, pointer, message: reason }];
}

// An error about an object key (a pattern the key fails) points at the object; the key's own
// pointer is where a placeholder key would be. ajv names the key on the error (propertyNames) or
// in its params (additionalProperties).
function keyAt(error: ErrorObject): string | undefined {
  const params = error.params as { propertyName?: string; additionalProperty?: string };
  const name = error.propertyName ?? params.propertyName ?? params.additionalProperty;
  return name === undefined ? undefined : `${error.instancePath}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
