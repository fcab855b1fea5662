import { namedWorkarounds } from '../annotate/resolution';
import type { Outcome } from '../decisions/decision';
import { outcomeTallies } from '../decisions/tallies';
import type { KnowledgeBase } from '../kb/load';
import type { DecisionLogging } from './decisions';
import { outcomeView } from './decisions';
import type { OutcomeView } from '../contract/schemas';

/** A ticketing system's "solved" event, as its webhook door reads it. */
export interface SolvedTicket {
  system: 'zendesk' | 'jira' | 'servicenow';
  /** The ticket's stable id in its system, as its decisions were recorded under. */
  ticket: string;
  /** The resolution note (Zendesk's latest comment, Jira's transition comment, ServiceNow's close notes); empty when none came. */
  resolution: string;
  caller?: string | undefined;
}

/** What a solved event did: the ticket's latest decision, and the outcome recorded for it (none when the log holds no decision of the ticket). */
export interface SolvedAnswer {
  ticket: string;
  decisionId?: string;
  outcome?: OutcomeView;
}

/**
 * Records the outcome of a ticket's latest decision when its system says it is solved: `resolved`
 * by the one workaround of the decision's diagnoses that the resolution note names in its own
 * wording (rules/, `resolvedBy`), otherwise `unmatched`. A note naming two workarounds is credited
 * to neither: which of them fixed it is not for the service to guess.
 */
export async function recordSolvedTicket(logging: DecisionLogging, kb: KnowledgeBase, solved: SolvedTicket, now = Date.now()): Promise<SolvedAnswer> {
  if (!logging) return { ticket: solved.ticket };
  await logging.flush();
  const decision = await logging.log.latestForTicket(solved.system, solved.ticket);
  if (!decision) return { ticket: solved.ticket };
  const offered = new Set(decision.diagnoses.filter((d) => d.status !== 'out-of-scope').flatMap((d) => d.workarounds.map((w) => w.id)));
  const candidates = kb.articles.flatMap((article) =>
    article.workarounds.filter((w) => w.resolvedBy && offered.has(`${article.id}.${w.id}`)).map((w) => ({ id: `${article.id}.${w.id}`, phrases: w.resolvedBy! })),
  );
  const named = namedWorkarounds(solved.resolution, kb.extraction, candidates);
  const outcome: Outcome = {
    decisionId: decision.id,
    at: now,
    ...(named.length === 1 ? { kind: 'resolved' as const, workaround: named[0]! } : { kind: 'unmatched' as const }),
    source: solved.system,
    ...(solved.caller !== undefined ? { caller: solved.caller } : {}),
  };
  await logging.log.addOutcome(outcome, outcomeTallies(decision, outcome));
  return { ticket: solved.ticket, decisionId: decision.id, outcome: outcomeView(outcome) };
}
