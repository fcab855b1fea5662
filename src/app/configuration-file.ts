import { generateArtifact, type ArtifactName, type ArtifactResult } from '../artifacts/generate';
import { describeFieldErrors } from '../contract/problem';
import type { KnowledgeBase } from '../kb/load';
import { AppError } from './errors';

/**
 * A configuration file a workaround calls for (a .reg or .prf file) with the ports asked for,
 * and the articles' advice on them; an AppError (invalid_request) naming each port that does not
 * follow the advice.
 */
export function configurationFile(kb: KnowledgeBase, name: ArtifactName, ports: Record<string, number>): Extract<ArtifactResult, { ok: true }> {
  const result = generateArtifact(kb, name, ports);
  if (!result.ok) throw new AppError('invalid_request', `The ports do not follow the articles' advice: ${describeFieldErrors(result.errors)}.`, result.errors);
  return result;
}
