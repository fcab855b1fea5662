import { adfToText, type AdfNode } from './adf';
import type { JiraPayload, ServiceNowPayload, ZendeskPayload } from './adapters';

/** A ticket a system says is solved: its stable id, and the resolution note to match to workarounds. */
export interface SolvedEvent {
  ticket: string;
  resolution: string;
}

/**
 * A Zendesk trigger on "Status is Solved", whose body adds `"status": "{{ticket.status}}"` and
 * `"latest_comment": "{{ticket.latest_comment}}"` (the agent's resolution comment). The status
 * placeholder renders the status's name ("Solved").
 */
export function zendeskSolved(payload: ZendeskPayload): SolvedEvent | undefined {
  if (payload.ticket.status?.trim().toLowerCase() !== 'solved') return undefined;
  return { ticket: String(payload.ticket.id), resolution: payload.ticket.latest_comment ?? '' };
}

/**
 * A Jira `jira:issue_updated` event whose changelog moves the status (or sets the resolution) and
 * leaves the issue in the Done category; the resolution note is the comment made with the
 * transition (plain text or ADF).
 */
export function jiraSolved(payload: JiraPayload): SolvedEvent | undefined {
  if (payload.webhookEvent !== 'jira:issue_updated') return undefined;
  const moved = payload.changelog?.items?.some((item) => item.field === 'status' || item.field === 'resolution') ?? false;
  if (!moved || payload.issue.fields.status?.statusCategory?.key !== 'done') return undefined;
  const body = payload.comment?.body;
  return { ticket: payload.issue.id, resolution: typeof body === 'string' ? body : body ? adfToText(body, '/comment/body') : '' };
}

// An incident's state: 6 is Resolved and 7 Closed (as a business rule's REST message sends the
// value; the display value when it sends that instead).
const SOLVED_STATES = new Set(['6', '7', 'resolved', 'closed']);

/** A ServiceNow incident resolved or closed (`state`, or `incident_state`); the resolution note is its close notes. */
export function serviceNowSolved(payload: ServiceNowPayload): SolvedEvent | undefined {
  const state = String(payload.state ?? payload.incident_state ?? '')
    .trim()
    .toLowerCase();
  if (!SOLVED_STATES.has(state)) return undefined;
  return { ticket: payload.sys_id, resolution: payload.close_notes ?? '' };
}

/** Jira's transition comment: plain text (REST v2) or ADF (v3). */
export type JiraComment = { body?: string | AdfNode };
