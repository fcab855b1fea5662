import type { DecisionDetail, FieldFigures, OutcomeRequest, OutcomeView } from '../contract/schemas';
import { queryPointer } from '../contract/pointers';
import type { Decision, Outcome } from '../decisions/decision';
import type { DecisionRecorder } from '../decisions/recorder';
import { hourOf, outcomeTallies } from '../decisions/tallies';
import type { KnowledgeBase } from '../kb/load';
import { AppError } from './errors';
import { figuresFrom } from './field-figures';

const HOUR = 3_600_000;

/** The decision log as the use cases reach it: the recorder, and through it the store. Undefined when the log is off. */
export type DecisionLogging = DecisionRecorder | undefined;

function logOf(logging: DecisionLogging): DecisionRecorder {
  if (!logging) throw new AppError('not_found', 'This service keeps no decision log (DECISION_LOG=false).');
  return logging;
}

/**
 * A decision as recorded, with its outcomes. Decisions still waiting in the recorder's batch are
 * written first, so that an id just handed out is found.
 */
async function recorded(logging: DecisionLogging, id: string): Promise<{ decision: Decision; outcomes: Outcome[] }> {
  const recorder = logOf(logging);
  await recorder.flush();
  const found = await recorder.log.get(id);
  if (!found) throw new AppError('not_found', `No decision ${id} in the decision log: it was never recorded, or was removed after DECISION_LOG_DAYS.`);
  return found;
}

/** GET /v1/decisions/{id}: the decision and its outcomes, times as RFC 3339. */
export async function decisionDetail(logging: DecisionLogging, id: string): Promise<DecisionDetail> {
  const { decision, outcomes } = await recorded(logging, id);
  const { at, kbRevision, ...rest } = decision;
  return { decision: { ...rest, at: new Date(at).toISOString(), kb: { revision: kbRevision } } as DecisionDetail['decision'], outcomes: outcomes.map(outcomeView) };
}

/** An outcome as the API shows it. */
export function outcomeView(outcome: Outcome): OutcomeView {
  const { kind, diagnosis, workaround, source, caller } = outcome;
  return {
    kind,
    ...(diagnosis !== undefined ? { diagnosis } : {}),
    ...(workaround !== undefined ? { workaround } : {}),
    at: new Date(outcome.at).toISOString(),
    source,
    ...(caller !== undefined ? { caller } : {}),
  };
}

/**
 * POST /v1/decisions/{id}/outcome: checks the diagnosis or workaround named against those of the
 * decision (a 400 naming the field and listing the decision's own otherwise), records the outcome
 * and adds it to the field figures of the decision's hour and revision.
 */
export async function reportOutcome(logging: DecisionLogging, id: string, request: OutcomeRequest, caller: string | undefined, now = Date.now()): Promise<OutcomeView> {
  const { decision } = await recorded(logging, id);
  const reported = decision.diagnoses.filter((d) => d.status !== 'out-of-scope');
  const diagnoses = reported.map((d) => d.id);
  const workarounds = [...new Set(reported.flatMap((d) => d.workarounds.map((w) => w.id)))];
  const refuse = (field: 'diagnosis' | 'workaround', detail: string, allowed: string[]): never => {
    throw new AppError('invalid_request', `${detail} (allowed: ${allowed.join(', ') || 'none: this decision reported none'}).`, [{ pointer: `/${field}`, detail, allowed }]);
  };
  const needs = request.kind === 'confirmed' || request.kind === 'rejected' ? 'diagnosis' : request.kind === 'resolved' ? 'workaround' : undefined;
  for (const field of ['diagnosis', 'workaround'] as const) {
    if (field !== needs && request[field] !== undefined) refuse(field, `${field} does not go with kind ${request.kind}`, []);
  }
  if (needs === 'diagnosis' && (request.diagnosis === undefined || !diagnoses.includes(request.diagnosis))) {
    refuse('diagnosis', request.diagnosis === undefined ? `kind ${request.kind} needs the diagnosis` : `${request.diagnosis} is not a diagnosis decision ${id} reported`, diagnoses);
  }
  if (needs === 'workaround' && (request.workaround === undefined || !workarounds.includes(request.workaround))) {
    refuse('workaround', request.workaround === undefined ? 'kind resolved needs the workaround' : `${request.workaround} is not a workaround of the diagnoses decision ${id} reported`, workarounds);
  }
  const outcome: Outcome = {
    decisionId: id,
    at: now,
    kind: request.kind,
    ...(request.diagnosis !== undefined ? { diagnosis: request.diagnosis } : {}),
    ...(request.workaround !== undefined ? { workaround: request.workaround } : {}),
    source: 'agent',
    ...(caller !== undefined ? { caller } : {}),
  };
  await logOf(logging).log.addOutcome(outcome, outcomeTallies(decision, outcome));
  return outcomeView(outcome);
}

/** The query of GET /v1/stats, as strings. */
export interface FiguresQuery {
  from?: string;
  to?: string;
  kbRevision?: string;
}

/**
 * GET /v1/stats: the field figures over whole hours, from `from` taken down to its hour to `to`
 * taken up to its; every article of the knowledge base served is listed, counted or not.
 */
export async function fieldFigures(logging: DecisionLogging, kb: KnowledgeBase, query: FiguresQuery): Promise<FieldFigures> {
  const recorder = logOf(logging);
  const from = query.from !== undefined ? Date.parse(query.from) : undefined;
  const to = query.to !== undefined ? Date.parse(query.to) : undefined;
  if (from !== undefined && to !== undefined && from >= to) {
    throw new AppError('invalid_request', `from (${query.from}) must be before to (${query.to}).`, [{ pointer: queryPointer('from'), detail: `must be before to (${query.to})` }]);
  }
  await recorder.flush();
  const sums = await recorder.log.sums({
    ...(from !== undefined ? { fromHour: hourOf(from) } : {}),
    ...(to !== undefined ? { toHour: hourOf(to - 1) + HOUR } : {}),
    ...(query.kbRevision !== undefined ? { kbRevision: query.kbRevision } : {}),
    kinds: ['log', 'article', 'diagnosis', 'workaround'],
  });
  return {
    ...(from !== undefined ? { from: new Date(hourOf(from)).toISOString() } : {}),
    ...(to !== undefined ? { to: new Date(hourOf(to - 1) + HOUR).toISOString() } : {}),
    ...(query.kbRevision !== undefined ? { kbRevision: query.kbRevision } : {}),
    ...figuresFrom(sums, kb),
  };
}
