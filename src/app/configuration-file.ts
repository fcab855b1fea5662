import { artifactNames, generateArtifact, type ArtifactName, type ArtifactResult } from '../artifacts/generate';
import { describeFieldErrors } from '../contract/problem';
import type { KnowledgeBase } from '../kb/load';
import { AppError } from './errors';

/**
 * A configuration file a workaround calls for (a .reg or .prf file) with the ports asked for,
 * and the articles' advice on them; an AppError: not_found when no workaround of the knowledge base
 * calls for the file, invalid_request naming each port that is missing, invalid, taken twice or against its
 * article's advice.
 */
export function configurationFile(kb: KnowledgeBase, name: ArtifactName, ports: Record<string, number>): Extract<ArtifactResult, { ok: true }> {
  const names = artifactNames(kb);
  if (!names.includes(name)) throw new AppError('not_found', `No workaround of knowledge base ${kb.revision} calls for ${name}; it has: ${names.join(', ')}.`);
  const result = generateArtifact(kb, name, ports);
  // Not "do not follow the advice": a port may be missing, out of range or taken twice as well.
  if (!result.ok) throw new AppError('invalid_request', `${name} cannot be written with these ports: ${describeFieldErrors(result.errors)}.`, result.errors);
  return result;
}
