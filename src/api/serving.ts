import type { IncomingMessage } from 'node:http';
import type { Diagnoser } from '../engine/diagnose';
import type { KnowledgeBase } from '../kb/load';

/** What a request is answered from: one knowledge base and the diagnoser built on it, read together. */
export interface Served {
  kb: KnowledgeBase;
  diagnoser: Diagnoser;
}

/** The knowledge base a request is answered from: the one served when it arrived, for all of it. */
export type Serving = (req: IncomingMessage) => Served;
