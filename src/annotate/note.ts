import type { Question } from '../consult/questions';
import type { DiagnosisFinding, OutOfScopeFinding, WorkaroundFinding } from '../engine/diagnose';
import type { Evidence } from '../engine/evaluate';
import type { Conflict, Derivation } from '../facts/derive';
import type { AppliesTo, Source } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import type { AnnotatedFact } from './evidence-bounds';
import { markdownLiteral } from './escape';
import type { ContextMention } from './extract';
import { factSource, quotedFrom } from './note-quotes';

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

/** The internal note for a ticket, rendered twice: Markdown, and plain text for systems that show no Markdown. */
export interface Note {
  markdown: string;
  text: string;
}

/** What a note is written from: the facts as read, what was derived from them, and the findings. */
export interface NoteInput {
  facts: Record<string, AnnotatedFact>;
  context: ContextMention[];
  derivations: Record<string, Derivation>;
  conflicts: Conflict[];
  diagnoses: DiagnosisFinding[];
  outOfScope: OutOfScopeFinding[];
  questions: Question[];
}

/**
 * What a ready-to-post internal note says: what was read, what was inferred from it and where the
 * two disagree, what holds (confirmed or likely) and what to do, which articles came closest but
 * do not cover the versions, citing the articles. Every inference is labelled "derived".
 */
export function noteBlocks(input: NoteInput, vocabulary: Vocabulary): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  const factItems = Object.entries(input.facts).map(([name, fact]): Inline[] => {
    return [{ text: `${name}: ` }, { text: label(vocabulary, name, fact.value), strong: true }, ...factSource(fact)];
  });
  blocks.push({ heading: 'Facts', items: factItems.length ? factItems : [[{ text: 'none recognised' }]] });
  const derived = Object.entries(input.derivations).map(([name, derivation]): Inline[] => [
    { text: `${name}: ` },
    { text: label(vocabulary, name, derivation.value), strong: true },
    { text: ` [derived from ${describe(derivation.from)}: ${derivation.because}${derivation.derived ? ` ${derivation.derived}` : ''}]` },
  ]);
  if (derived.length) blocks.push({ heading: 'Derived facts', items: derived });
  if (input.context.length) {
    blocks.push({ heading: 'Also mentioned (no fact holds it; weigh it yourself)', items: input.context.map((mention): Inline[] => [{ text: mention.label, strong: true }, ...quotedFrom(mention)]) });
  }
  if (input.conflicts.length) blocks.push({ heading: 'Conflicts', items: input.conflicts.map((c) => [{ text: c.detail }]) });
  if (input.diagnoses.length === 0) blocks.push({ heading: 'Diagnosis', items: [[{ text: 'No diagnosis holds yet for these facts.' }]] });
  for (const diagnosis of input.diagnoses) {
    blocks.push({
      heading: `${diagnosis.status === 'likely' ? 'Likely diagnosis' : 'Diagnosis'} (${diagnosis.article.id})`,
      items: [
        [{ text: `${diagnosis.title}. Source: ` }, { text: `${diagnosis.article.id}: ${diagnosis.article.title}`, href: diagnosis.article.url }],
        ...(diagnosis.likely ? [[{ text: `Likely, not confirmed: ${diagnosis.likely.text}` }]] : []),
        ...(diagnosis.derived ? [[{ text: `[derived] ${diagnosis.derived}` }]] : []),
        [{ text: `Applies to: ${appliesTo(diagnosis.scope.appliesTo)}` }],
        [{ text: `Cause: ${diagnosis.cause.text}` }],
        ...inferences(diagnosis.evidence),
        ...diagnosis.workarounds.map(workaroundItem),
      ],
    });
  }
  if (input.outOfScope.length) {
    blocks.push({
      heading: 'Not covered by the articles for these versions',
      items: input.outOfScope.map((finding): Inline[] => [
        { text: `${finding.article.id}`, href: finding.article.url },
        { text: ` (${finding.title}) applies to ${appliesTo(finding.scope.appliesTo)}; not here: ${finding.reasons.map(reason).join('; ')}.` },
      ]),
    });
  }
  const [next] = input.questions;
  if (next) blocks.push({ heading: 'Ask next', items: [[{ text: `${next.text}${next.values.length ? ` (${next.values.map((v) => v.label).join(' / ')})` : ''}` }]] });
  return blocks;
}

/** The note's last line: the service, the knowledge-base revision, and the decision when there is one. */
export const noteFooter = (revision: string, decisionId?: string): string => `outlook-connectivity-kb, knowledge base ${revision}${decisionId ? `, decision ${decisionId}` : ''}`;

/**
 * Renders the note's blocks as Markdown and as plain text, each ending with the knowledge base
 * revision it came from and, when the decision log recorded it, the decision's id (what an agent
 * reports the outcome against).
 */
export function renderNote(blocks: NoteBlock[], revision: string, decisionId?: string): Note {
  const footer = noteFooter(revision, decisionId);
  // Both renderings in one pass, appending: every annotation writes a note, and the arrays that
  // map and join make for each item were a tenth of the work after the ticket is read.
  let markdown = '';
  let text = '';
  for (const block of blocks) {
    if (markdown !== '') {
      markdown += '\n\n';
      text += '\n\n';
    }
    markdown += `**${block.heading}**`;
    text += block.heading.toUpperCase();
    for (const item of block.items) {
      markdown += '\n- ';
      text += '\n- ';
      for (const inline of item) {
        markdown += inlineMarkdown(inline);
        text += inlineText(inline);
      }
    }
  }
  return { markdown: `${markdown}\n\n_${footer}_\n`, text: `${text}\n\n${footer}\n` };
}

function workaroundItem(workaround: WorkaroundFinding): Inline[] {
  const status = workaround.applicable === true ? 'applies' : workaround.applicable === false ? 'does not apply' : 'may apply';
  const derivedSteps = workaround.steps.filter((s) => s.derived).length;
  return [
    { text: `Workaround, ${status}: ` },
    { text: workaround.title, strong: true },
    ...(workaround.derived ? [{ text: ` [derived: ${workaround.derived}]` }] : derivedSteps ? [{ text: ` [${derivedSteps} step${derivedSteps > 1 ? 's' : ''} derived]` }] : []),
    ...(workaround.reason ? [{ text: `: ${workaround.reason}` }] : []),
  ];
}

/** The inferences a diagnosis rests on: conditions that hold only by a judgement the article does not make. */
function inferences(evidence: Evidence[]): Inline[][] {
  return evidence.filter((e) => e.derived && e.result === true).map((e) => [{ text: `[derived] ${e.fact} ${JSON.stringify(e.observed)}: ${e.derived}` }]);
}

/** The article's applies-to in words, saying so where a revision names no versions. */
function appliesTo(entries: readonly AppliesTo[]): string {
  return entries
    .map((entry) => {
      const revisions = entry.source.revisions ? ` (revision ${entry.source.revisions.join(', ')})` : '';
      const versions = entry.versions ? ` ${entry.versions.join(', ')}` : entry.fact ? ', no versions named' : '';
      return `${entry.product}${versions}${revisions}${entry.derived ? ' [derived]' : ''}`;
    })
    .join('; ');
}

const OPERATORS: Record<Evidence['operator'], string> = { equal: 'is', notEqual: 'is not', in: 'is one of', notIn: 'is none of', contains: 'includes', doesNotContain: 'does not include' };

/** A scope condition that fails, in words, with what it rests on. */
function reason(e: Evidence): string {
  const expected = Array.isArray(e.expected) ? e.expected.join(', ') : String(e.expected);
  return `it needs ${e.fact} that ${OPERATORS[e.operator]} ${expected}, and it is ${String(e.observed)} (${cite(e.source)})${e.derived ? ' [derived]' : ''}`;
}

function cite(source: Source): string {
  const where = source.section ?? (source.paragraph ? `paragraph ${source.paragraph}` : undefined);
  return [source.article, where, source.quote && `"${source.quote}"`].filter(Boolean).join(', ');
}

const describe = (facts: Record<string, unknown>) =>
  Object.entries(facts)
    .map(([name, value]) => `${name} ${JSON.stringify(value)}`)
    .join(' and ');

const inlineMarkdown = (i: Inline) => (i.href ? `[${i.text}](${i.href})` : i.strong ? `**${i.text}**` : i.quoted ? markdownLiteral(i.text) : i.text);
const inlineText = (i: Inline) => (i.href ? `${i.text} <${i.href}>` : i.text);

function label(vocabulary: Vocabulary, name: string, value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  const labels = vocabulary.get(name)?.values;
  return values.map((v) => labels?.find((l) => l.value === v)?.label ?? String(v)).join(', ');
}
