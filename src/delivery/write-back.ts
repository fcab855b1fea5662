import type { NoteBlock } from '../annotate/note';

/** A request to a ticketing system's API that writes an annotation back onto its ticket. */
export interface WriteBack {
  method: 'POST' | 'PUT' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

/** What the outbox records for one ticket's annotation: the requests, and what keys them. */
export interface WriteBackRecord {
  /** The ticket's stable id in its system: the Zendesk ticket id, the Jira issue id (a key changes when an issue moves), the ServiceNow sys_id. */
  ticket: string;
  noteBlocks: NoteBlock[];
  tags: string[];
  writeBack: WriteBack[];
}

/** The outbox's database could not record a write-back: the webhook should be sent again. */
export class OutboxUnavailable extends Error {
  /** Seconds a ticketing system should wait before sending again. */
  readonly retryAfterSeconds = 5;
}
