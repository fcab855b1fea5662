import type { NoteBlock } from '../annotate/note';
import { Problem } from '../contract/problem';

/** An Atlassian Document Format node, as Jira Cloud sends and accepts rich text. */
export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  attrs?: Record<string, unknown>;
  version?: number;
}

/**
 * How deep an ADF document may nest. Jira's own documents nest a few levels (a table in a list
 * in a panel); reading one nested tens of thousands deep by recursion overflowed the stack.
 */
export const MAX_ADF_DEPTH = 100;
/** The most text a description may have: as much as a ticket body (Ticket.body in openapi.yaml). */
const MAX_ADF_TEXT = 60_000;

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'tableCell', 'tableHeader', 'rule']);

interface Frame {
  node: AdfNode;
  pointer: string;
  depth: number;
  /** The next child to read. */
  next: number;
  text: string;
}

/**
 * The plain text of an ADF document: text nodes in order, a line break after each block and for
 * each hardBreak. Evidence offsets for a Jira description refer to this text.
 *
 * Read without recursion, in time linear in the document, and checked as it is read: a
 * malformed document (content that is not a list, a node that is not an object with a type, text
 * that is not a string), one nested deeper than MAX_ADF_DEPTH, or one with more text than
 * MAX_ADF_TEXT is a 400 naming where, under `pointer`.
 */
export function adfToText(document: unknown, pointer = ''): string {
  const root = node(document, pointer);
  const frames: Frame[] = [{ node: root, pointer, depth: 0, next: 0, text: '' }];
  let length = 0;
  for (;;) {
    const frame = frames[frames.length - 1]!;
    const content = children(frame.node, frame.pointer);
    if (frame.next < content.length) {
      const at = `${frame.pointer}/content/${frame.next}`;
      const child = node(content[frame.next], at);
      frame.next += 1;
      if (child.type === 'text' || child.type === 'hardBreak') {
        const text = child.type === 'hardBreak' ? '\n' : textOf(child, at);
        length += text.length;
        if (length > MAX_ADF_TEXT) throw invalid(pointer, `has more than ${MAX_ADF_TEXT} characters of text`);
        frame.text += text;
      } else {
        if (frame.depth + 1 > MAX_ADF_DEPTH) throw invalid(at, `is nested deeper than ${MAX_ADF_DEPTH} levels`);
        frames.push({ node: child, pointer: at, depth: frame.depth + 1, next: 0, text: '' });
      }
      continue;
    }
    frames.pop();
    const own = root.type === 'text' && frames.length === 0 ? textOf(root, pointer) : frame.text;
    const text = BLOCKS.has(frame.node.type) && !own.endsWith('\n') ? `${own}\n` : own;
    if (frames.length === 0) return text;
    frames[frames.length - 1]!.text += text;
  }
}

function node(value: unknown, pointer: string): AdfNode {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as AdfNode).type !== 'string') {
    throw invalid(pointer, 'must be a node: an object with a type');
  }
  return value as AdfNode;
}

function children(parent: AdfNode, pointer: string): unknown[] {
  if (parent.content === undefined || parent.type === 'text') return [];
  if (!Array.isArray(parent.content)) throw invalid(`${pointer}/content`, 'must be a list of nodes');
  return parent.content;
}

function textOf(text: AdfNode, pointer: string): string {
  if (text.text === undefined) return '';
  if (typeof text.text !== 'string') throw invalid(`${pointer}/text`, 'must be a string');
  return text.text;
}

function invalid(pointer: string, detail: string): Problem {
  return new Problem(400, 'invalid_request', `The description is not an Atlassian Document Format document Jira sends: ${pointer} ${detail}.`, [{ pointer, detail }]);
}

/** A note as an ADF document: a bold heading paragraph and a bullet list per block. */
export function noteToAdf(blocks: NoteBlock[], footer: string): AdfNode {
  const content: AdfNode[] = [];
  for (const block of blocks) {
    content.push({ type: 'paragraph', content: [{ type: 'text', text: block.heading, marks: [{ type: 'strong' }] }] });
    content.push({
      type: 'bulletList',
      content: block.items.map((item) => ({
        type: 'listItem',
        content: [
          {
            type: 'paragraph',
            content: item.map((inline) => ({
              type: 'text',
              text: inline.text,
              ...(inline.strong ? { marks: [{ type: 'strong' }] } : inline.href ? { marks: [{ type: 'link', attrs: { href: inline.href } }] } : {}),
            })),
          },
        ],
      })),
    });
  }
  content.push({ type: 'paragraph', content: [{ type: 'text', text: footer, marks: [{ type: 'em' }] }] });
  return { type: 'doc', version: 1, content };
}
