import type { Served } from '../api/serving';
import { Diagnoser, type DiagnosisFinding } from '../engine/diagnose';
import { loadKnowledgeBase, type KnowledgeBase } from '../kb/load';

export interface HolderEvents {
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
  private served: Served;

  constructor(
    readonly rulesDir: string,
    private readonly events: HolderEvents = {},
  ) {
    this.served = this.build(loadKnowledgeBase(rulesDir));
  }

  current(): Served {
    return this.served;
  }

  /** Loads rules/ again; throws (and keeps serving the old one) if it is not valid. */
  reload(): { revision: string; previousRevision: string } {
    const previousRevision = this.served.kb.revision;
    let next: Served;
    try {
      next = this.build(loadKnowledgeBase(this.rulesDir));
    } catch (error) {
      this.events.loadFailed?.(error as Error);
      throw error;
    }
    this.served = next;
    return { revision: next.kb.revision, previousRevision };
  }

  private build(kb: KnowledgeBase): Served {
    const served = { kb, diagnoser: new Diagnoser(kb, (diagnoses) => this.events.diagnosed?.(diagnoses)) };
    this.events.loaded?.(kb);
    return served;
  }
}
