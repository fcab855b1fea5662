import type { Diagnoser } from '../engine/diagnose';
import type { KnowledgeBase } from '../kb/load';

/** What a request is answered from: one knowledge base and the diagnoser built on it, read together. */
export interface Served {
  kb: KnowledgeBase;
  diagnoser: Diagnoser;
}

/** Returns the knowledge base being served; a request reads it once, so it sees one revision. */
export type Serving = () => Served;
