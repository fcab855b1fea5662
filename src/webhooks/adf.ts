import type { NoteBlock } from '../annotate/note';

/** An Atlassian Document Format node, as Jira Cloud sends and accepts rich text. */
export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  attrs?: Record<string, unknown>;
  version?: number;
}

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote', 'tableCell', 'tableHeader', 'rule']);

/**
 * The plain text of an ADF document: text nodes in order, a line break after each block and for
 * each hardBreak. Evidence offsets for a Jira description refer to this text.
 */
export function adfToText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(adfToText).join('');
  return BLOCKS.has(node.type) && !inner.endsWith('\n') ? `${inner}\n` : inner;
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
