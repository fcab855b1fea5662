import { annotateWithNote, type Annotation, type DecisionRecording, type Ticket } from '../app/annotate';
import { noteFooter } from '../annotate/note';
import type { DecisionRecorder } from '../decisions/recorder';
import type { NoteBlock } from '../annotate/note';
import { journalText } from '../annotate/escape';
import type { TicketReader } from '../annotate/extraction-pool';
import type { Snapshot } from '../app/snapshot';
import type { WriteBack } from '../delivery/write-back';
import { adfToText, noteToAdf, type AdfNode } from './adf';
import type { JiraComment } from './solved';

/** Where a webhook's decision is recorded, and for whom. */
export interface WebhookRecording {
  recorder: DecisionRecorder;
  caller?: string | undefined;
}

/** The decision of a webhook is about the ticket by its stable id in its system: what its "solved" event finds it by. */
const recordingOf = (record: WebhookRecording | undefined, system: string, ticket: string): DecisionRecording | undefined => record && { ...record, webhook: { system, ticket } };

interface WebhookAnswer {
  annotation: Annotation;
  writeBack: WriteBack[];
}

/** A webhook read: the answer, and what its delivery is keyed by. */
export interface AdaptedWebhook extends WebhookAnswer {
  /** The ticket's stable id in its system: the Zendesk ticket id, the Jira issue id (a key changes when an issue moves), the ServiceNow sys_id. */
  ticket: string;
  noteBlocks: NoteBlock[];
}

/** Zendesk trigger webhook body: {"ticket": {"id": "{{ticket.id}}", "subject": "{{ticket.title}}", "description": "{{ticket.description}}"}}. */
export interface ZendeskPayload {
  ticket: { id: string | number; subject?: string; description?: string; status?: string; latest_comment?: string };
}

/** Annotates the ticket of a Zendesk webhook; the write-back adds an internal comment and the tags. */
export async function zendesk(snapshot: Snapshot, payload: ZendeskPayload, read?: TicketReader, record?: WebhookRecording): Promise<AdaptedWebhook> {
  // The annotation gives the id back as Zendesk sent it (a number or a string); the delivery, its
  // URL and the decision log need it as text.
  const id = String(payload.ticket.id);
  const { annotation, noteBlocks } = await annotateWithNote(
    snapshot,
    {
      id: payload.ticket.id,
      ...(payload.ticket.subject !== undefined ? { subject: payload.ticket.subject } : {}),
      ...(payload.ticket.description !== undefined ? { body: payload.ticket.description } : {}),
    },
    { read, record: recordingOf(record, 'zendesk', id) },
  );
  return {
    annotation,
    ticket: id,
    noteBlocks,
    writeBack: [
      {
        method: 'PUT',
        path: `/api/v2/tickets/${encodeURIComponent(id)}.json`,
        body: { ticket: { comment: { body: annotation.note.text, public: false }, additional_tags: annotation.tags } },
      },
    ],
  };
}

/** Jira webhook body for jira:issue_created and jira:issue_updated; the description is plain text (REST v2) or ADF (v3). */
export interface JiraPayload {
  webhookEvent: string;
  issue: {
    id: string;
    key: string;
    fields: { summary?: string; description?: string | AdfNode | null; status?: { name?: string; statusCategory?: { key?: string } }; resolution?: { name?: string } | null };
  };
  /** What the update changed: a transition moves `status`. */
  changelog?: { items?: { field?: string; fromString?: string | null; toString?: string | null }[] };
  /** A comment made with the update (a transition's resolution note). */
  comment?: JiraComment;
}

/**
 * Annotates the issue of a Jira webhook (its description read from plain text or ADF); the
 * write-back adds a comment and the labels.
 */
export async function jira(snapshot: Snapshot, payload: JiraPayload, read?: TicketReader, record?: WebhookRecording): Promise<AdaptedWebhook> {
  const { key, fields } = payload.issue;
  const description = typeof fields.description === 'string' ? fields.description : fields.description ? adfToText(fields.description, '/issue/fields/description') : '';
  const ticket: Ticket = { id: key, ...(fields.summary !== undefined ? { subject: fields.summary } : {}), body: description };
  const { annotation, noteBlocks } = await annotateWithNote(snapshot, ticket, { read, record: recordingOf(record, 'jira', payload.issue.id) });
  const path = `/rest/api/3/issue/${encodeURIComponent(key)}`;
  return {
    annotation,
    ticket: payload.issue.id,
    noteBlocks,
    writeBack: [
      { method: 'POST', path: `${path}/comment`, body: { body: noteToAdf(noteBlocks, noteFooter(annotation.kb.revision, annotation.decisionId)) } },
      { method: 'PUT', path, body: { update: { labels: annotation.tags.map((tag) => ({ add: tag })) } } },
    ],
  };
}

/** ServiceNow incident as a business rule's REST message sends it. */
export interface ServiceNowPayload {
  sys_id: string;
  number?: string;
  short_description?: string;
  description?: string;
  /** The incident's state: 6 Resolved, 7 Closed. */
  state?: string;
  incident_state?: string;
  close_code?: string;
  close_notes?: string;
}

/** Annotates the incident of a ServiceNow REST message; the write-back is a work note on it. */
export async function serviceNow(snapshot: Snapshot, payload: ServiceNowPayload, read?: TicketReader, record?: WebhookRecording): Promise<AdaptedWebhook> {
  const { annotation, noteBlocks } = await annotateWithNote(
    snapshot,
    {
      id: payload.number ?? payload.sys_id,
      ...(payload.short_description !== undefined ? { subject: payload.short_description } : {}),
      ...(payload.description !== undefined ? { body: payload.description } : {}),
    },
    { read, record: recordingOf(record, 'servicenow', payload.sys_id) },
  );
  return {
    annotation,
    ticket: payload.sys_id,
    noteBlocks,
    writeBack: [{ method: 'PATCH', path: `/api/now/table/incident/${encodeURIComponent(payload.sys_id)}`, body: { work_notes: journalText(annotation.note.text) } }],
  };
}
