import type { Snapshot } from './snapshot';
import { Diagnoser, type DiagnosisFinding } from '../engine/diagnose';
import { KnowledgeBaseError } from '../kb/errors';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/load';
import { AppError } from './errors';

interface HolderEvents {
  loaded?: (kb: KnowledgeBase) => void;
  loadFailed?: (error: Error) => void;
  diagnosed?: (diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]) => void;
}

/**
 * The knowledge base being served. A reload builds the new one completely (load, validate,
 * engine) before swapping it in with one assignment; if anything fails, the old one keeps
 * serving. Requests in flight keep the one they started with.
 */
export class KnowledgeBaseHolder {
  private served: Snapshot;

  constructor(
    readonly rulesDir: string,
    private readonly events: HolderEvents = {},
  ) {
    this.served = this.build(loadKnowledgeBase(rulesDir));
  }

  /** The knowledge base being served now, with its diagnoser. */
  snapshot(): Snapshot {
    return this.served;
  }

  /** Loads rules/ again; refuses with an AppError (reload_failed), keeping the old one, if it is not valid. */
  reload(): { revision: string; previousRevision: string } {
    const previousRevision = this.served.kb.revision;
    let next: Snapshot;
    try {
      next = this.build(loadKnowledgeBase(this.rulesDir));
    } catch (error) {
      this.events.loadFailed?.(error as Error);
      if (error instanceof KnowledgeBaseError) throw new AppError('reload_failed', `The new knowledge base is invalid, so the old one (${previousRevision}) keeps serving: ${error.message}`);
      throw error;
    }
    this.served = next;
    return { revision: next.kb.revision, previousRevision };
  }

  private build(kb: KnowledgeBase): Snapshot {
    const snapshot = { kb, diagnoser: new Diagnoser(kb, (diagnoses) => this.events.diagnosed?.(diagnoses)) };
    this.events.loaded?.(kb);
    return snapshot;
  }
}
