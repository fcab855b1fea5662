import type { DecisionRecorder } from '../decisions/recorder';
import { newDecisionId } from '../decisions/decision';
import { annotationDecision } from './decision-content';
import { checkedFacts } from './checked-facts';
import { statedOverRead } from './stated-over-read';
import type { Snapshot } from './snapshot';
import { questionsFor, type Question } from '../consult/questions';
import type { DiagnosisFinding, OutOfScopeFinding } from '../engine/diagnose';
import type { Conflict, Derivation } from '../facts/derive';
import { boundEvidence, type AnnotatedFact } from '../annotate/evidence-bounds';
import type { ContextMention } from '../annotate/extract';
import { readHere, type TicketReader } from '../annotate/extraction-pool';
import { noteBlocks, renderNote, type Note, type NoteBlock } from '../annotate/note';
import { tagsFor } from '../annotate/tags';

/** A ticket's id in its ticketing system: a string, or a number as Zendesk's are; given back as it came. */
export type TicketId = string | number;

/** A ticket as sent to be annotated: its id, the text to read, and any facts already known. */
export interface Ticket {
  id: TicketId;
  subject?: string;
  body?: string;
  /** Facts the ticketing system already knows; they win over what is read from the text. */
  facts?: Record<string, unknown>;
}

/** What annotating a ticket gives back: the facts and where the text says them, the diagnoses, the questions left to ask, tags and a note ready to post. */
export interface Annotation {
  ticket: { id: TicketId };
  facts: Record<string, AnnotatedFact>;
  unknown: string[];
  /** What the text mentions that no fact can hold (Outlook for Mac, a VPN that works), for the agent to weigh. */
  context: ContextMention[];
  diagnoses: DiagnosisFinding[];
  outOfScope: OutOfScopeFinding[];
  conflicts: Conflict[];
  questions: Question[];
  tags: string[];
  note: Note;
  kb: { revision: string };
  /** The decision it was recorded as, when the decision log is on. */
  decisionId?: string;
}

/** An annotation with the structure its note was rendered from, for adapters that render it their own way, and the derivations its decision records. */
export interface AnnotationWithNote {
  annotation: Annotation;
  noteBlocks: NoteBlock[];
  derivations: Record<string, Derivation>;
}

interface AnnotateOptions {
  /** Where the ticket sits in the request, for the pointers of a problem; default /ticket. */
  pointerBase?: string;
  /** How the ticket's text is read; default on the event loop. */
  read?: TicketReader | undefined;
  /** Where to record the decision, and for whom; the note then names the decision. */
  record?: DecisionRecording | undefined;
}

/** How an annotation is recorded in the decision log: the recorder, the caller's key name, and for a webhook its ticket. */
export interface DecisionRecording {
  recorder: DecisionRecorder;
  caller?: string | undefined;
  webhook?: { system: string; ticket: string };
}

/**
 * Annotates one ticket: reads facts from its text, lets the facts it was sent win, diagnoses, and
 * writes tags and an internal note. Throws an AppError when the given facts are invalid.
 */
export async function annotate(snapshot: Snapshot, ticket: Ticket, options: AnnotateOptions = {}): Promise<Annotation> {
  return (await annotateWithNote(snapshot, ticket, options)).annotation;
}

/** What a ticket sent without facts gives: none given, none said to be unknown. */
const NONE_GIVEN: Pick<ReturnType<typeof checkedFacts>, 'given' | 'unknown'> = { given: {}, unknown: [] };

/** Annotates one ticket as annotate does, and keeps the note's blocks for the webhook adapters, which render the note in their own system's markup. */
export async function annotateWithNote({ kb, diagnoser }: Snapshot, ticket: Ticket, { pointerBase = '/ticket', read = readHere, record }: AnnotateOptions = {}): Promise<AnnotationWithNote> {
  // Most tickets come without facts: nothing to check then (normalizing none took 1% of an annotation).
  const given = ticket.facts === undefined ? NONE_GIVEN : checkedFacts(ticket.facts, kb.vocabulary, `${pointerBase}/facts`);

  const { facts: extracted, context } = await read(ticket, kb);
  const { facts, all } = statedOverRead(kb.vocabulary, ticket.facts, given, extracted, `${pointerBase}/facts`);

  // The id first: the note names it.
  const decisionId = record ? newDecisionId() : undefined;
  const report = await diagnoser.diagnose(all.all);
  const questions = questionsFor(kb, report, all);
  const bounded = boundEvidence(facts);
  const blocks = noteBlocks({ facts: bounded, context, derivations: all.derivations, conflicts: all.conflicts, diagnoses: report.diagnoses, outOfScope: report.outOfScope, questions }, kb.vocabulary);
  const annotation: Annotation = {
    ticket: { id: ticket.id },
    facts: bounded,
    unknown: all.unknown,
    context,
    diagnoses: report.diagnoses,
    outOfScope: report.outOfScope,
    conflicts: all.conflicts,
    questions,
    tags: tagsFor(kb.tags, all.all, report.diagnoses),
    note: renderNote(blocks, kb.revision, decisionId),
    kb: { revision: kb.revision },
    ...(decisionId !== undefined ? { decisionId } : {}),
  };
  record?.recorder.record(annotationDecision(annotation, all.derivations, ticket, record.webhook), record.caller, decisionId);
  return { annotation, noteBlocks: blocks, derivations: all.derivations };
}
