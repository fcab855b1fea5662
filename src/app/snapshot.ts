import type { Diagnoser } from '../engine/diagnose';
import type { KnowledgeBase } from '../kb/load';

/**
 * What one request is answered from: a knowledge base and the diagnoser built on it, taken
 * together from the holder when the request arrives, so a reload never mixes two revisions.
 */
export interface Snapshot {
  kb: KnowledgeBase;
  diagnoser: Diagnoser;
}

/** The snapshot a request is answered from: the one served when it arrived, for all of it. */
export type SnapshotOf = (request: object) => Snapshot;
