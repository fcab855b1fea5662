import crypto from 'node:crypto';
import type { NoteBlock } from '../annotate/note';
import type { System } from './outbox';

/**
 * What makes a delivery exactly once per change: the system, the ticket, and a digest of what would
 * be posted, the note's content and the tags, without the knowledge-base revision its footer names.
 * The outbox compares it with the key last recorded for the ticket: the same webhook sent twice, or
 * a ticket updated without a change in its annotation, gives that key and posts nothing; any other
 * key, an earlier annotation's included (A, then B, then A again), posts a note. A reload of the
 * rules that changes nothing in a ticket's note posts nothing either.
 */
export function deliveryKey(system: System, ticket: string, noteBlocks: NoteBlock[], tags: string[]): string {
  const digest = crypto.createHash('sha256').update(JSON.stringify({ noteBlocks, tags })).digest('base64url');
  return `${system}:${ticket}:${digest}`;
}
