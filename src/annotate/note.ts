import type { Question } from '../consult/questions';
import type { DiagnosisFinding, WorkaroundFinding } from '../engine/diagnose';
import type { Vocabulary } from '../kb/vocabulary';
import type { AnnotatedFact } from './annotate';
import { markdownLiteral } from './escape';
import { factSource } from './note-quotes';

/** A run of text in a note, optionally bold or a link. */
export interface Inline {
  text: string;
  strong?: boolean;
  href?: string;
  /** Text from the ticket, quoted: each rendering escapes it for its format. */
  quoted?: boolean;
}

/** A heading and its bullet items: the one structure every rendering of the note comes from. */
export interface NoteBlock {
  heading: string;
  items: Inline[][];
}

export interface Note {
  markdown: string;
  text: string;
}

/** What a ready-to-post internal note says: what was read, what holds and what to do, citing the articles. */
export function noteBlocks(facts: Record<string, AnnotatedFact>, diagnoses: DiagnosisFinding[], questions: Question[], vocabulary: Vocabulary): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const factItems = Object.entries(facts).map(([name, fact]): Inline[] => {
    return [{ text: `${name}: ` }, { text: label(vocabulary, name, fact.value), strong: true }, ...factSource(fact)];
  });
  blocks.push({ heading: 'Facts', items: factItems.length ? factItems : [[{ text: 'none recognised' }]] });
  if (diagnoses.length === 0) blocks.push({ heading: 'Diagnosis', items: [[{ text: 'No diagnosis holds yet for these facts.' }]] });
  for (const diagnosis of diagnoses) {
    blocks.push({
      heading: `Diagnosis (${diagnosis.article.id})`,
      items: [
        [{ text: `${diagnosis.title}. Source: ` }, { text: `${diagnosis.article.id}: ${diagnosis.article.title}`, href: diagnosis.article.url }],
        [{ text: `Cause: ${diagnosis.cause.text}` }],
        ...diagnosis.workarounds.map(workaroundItem),
      ],
    });
  }
  const [next] = questions;
  if (next) blocks.push({ heading: 'Ask next', items: [[{ text: `${next.text} (${next.values.map((v) => v.label).join(' / ')})` }]] });
  return blocks;
}

export function renderNote(blocks: NoteBlock[], revision: string): Note {
  const footer = `outlook-connectivity-kb, knowledge base ${revision}`;
  const markdown = blocks.map((b) => `**${b.heading}**\n${b.items.map((item) => `- ${item.map(inlineMarkdown).join('')}`).join('\n')}`);
  const text = blocks.map((b) => `${b.heading.toUpperCase()}\n${b.items.map((item) => `- ${item.map(inlineText).join('')}`).join('\n')}`);
  return { markdown: `${markdown.join('\n\n')}\n\n_${footer}_\n`, text: `${text.join('\n\n')}\n\n${footer}\n` };
}

function workaroundItem(workaround: WorkaroundFinding): Inline[] {
  const status = workaround.applicable === true ? 'applies' : workaround.applicable === false ? 'does not apply' : 'may apply';
  return [{ text: `Workaround, ${status}: ` }, { text: workaround.title, strong: true }, ...(workaround.reason ? [{ text: `: ${workaround.reason}` }] : [])];
}

const inlineMarkdown = (i: Inline) => (i.href ? `[${i.text}](${i.href})` : i.strong ? `**${i.text}**` : i.quoted ? markdownLiteral(i.text) : i.text);
const inlineText = (i: Inline) => (i.href ? `${i.text} <${i.href}>` : i.text);

function label(vocabulary: Vocabulary, name: string, value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  const labels = vocabulary.get(name)?.values;
  return values.map((v) => labels?.find((l) => l.value === v)?.label ?? String(v)).join(', ');
}
