import { Diagnoser } from '../src/engine/diagnose';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/kb/load';
import { bundledRulesDir } from '../src/paths';

let bundled: { kb: KnowledgeBase; diagnoser: Diagnoser } | undefined;

/** The bundled knowledge base and its diagnoser, loaded once per test file. */
export function bundledKnowledgeBase(): { kb: KnowledgeBase; diagnoser: Diagnoser } {
  if (!bundled) {
    const kb = loadKnowledgeBase(bundledRulesDir);
    bundled = { kb, diagnoser: new Diagnoser(kb) };
  }
  return bundled;
}
