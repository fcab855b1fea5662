import type { Extraction } from '../kb/extraction';
import type { Scalar } from '../kb/model';
import { ClauseStarts, lastAtOrBefore, matches } from './clauses';

// What ends a sentence in a ticket: a full stop, question or exclamation mark or a semicolon
// before a space, or a line break (tickets are written in lines as often as in sentences; a
// semicolon joins two statements whose cues are apart: "Outlook 2007 users can't connect; the
// Outlook Anywhere people are fine"). A quoted dialog's own full stop ends the writer's sentence
// too: 'just says "Your Microsoft Exchange Server is unavailable." at work its fine' is two.
// (Typographic quotes are read as plain ones: extract.ts, forMatching.)
const SENTENCE_BREAKS = ['. ', '! ', '? ', '; ', '\n', '." ', '!" ', '?" '] as const;

/**
 * The sentences of one text, and which of them hold a cue of each group of
 * Extraction.sentenceCues (a hedge: "should we replace it with ISA?"; the client's side: "my
 * home router"), found once for the whole text.
 */
export class Sentences {
  private readonly starts: ClauseStarts;
  private readonly length: number;
  // Per cue group, the sentences (by their starts) that hold one of its cues.
  private readonly cued: Set<number>[];
  // The facts some group lowers only under a condition (conditionsAt).
  private readonly conditional: ReadonlySet<string>;

  constructor(
    private readonly text: string,
    private readonly extraction: Extraction,
  ) {
    this.length = text.length;
    this.starts = new ClauseStarts(text, SENTENCE_BREAKS);
    this.cued = extraction.sentenceCues.map(() => new Set<number>());
    this.conditional = conditionalFactsOf(extraction.sentenceCues);
    const { questions } = extraction;
    if (questions && text.includes('?')) {
      for (const match of matches(questions.start, text)) this.questions.add(this.startOf(match.index + match[0].search(/[^\s>*-]/)));
    }
  }

  // The sentences (by their starts) that ask whether something is so.
  private readonly questions = new Set<number>();

  // Per cue group, the sections a cued heading opens: [start, end) of the lines under it.
  private readonly sections: [number, number][][] = [];
  private readonly sectionStarts: (number[] | undefined)[] = [];
  private lines: Lines | undefined;

  /**
   * Records a cue of group `cue` found at `index`. A cue in a heading ("Resolution:", "Planned
   * action:", "Options I see:" on a line of its own) speaks for the lines under it too, up to the
   * next blank line: a write-up's fix is a list of steps, each its own sentence.
   */
  cueAt(cue: number, index: number): void {
    this.cued[cue]!.add(this.startOf(index));
    // Most cues stand in running text: look for the heading's colon within a heading's length
    // before finding the text's lines, which then happens only for tickets that have headings.
    if (!/^[^\n]{0,80}:[ \t]*\n/.test(this.text.slice(index, index + 90))) return;
    const section = (this.lines ??= new Lines(this.text)).sectionUnder(index);
    if (section) {
      (this.sections[cue] ??= []).push(section);
      this.sectionStarts[cue] = undefined;
    }
  }

  /** Where the sentence holding `index` starts: it names the sentence. */
  startOf(index: number): number {
    return this.starts.before(index);
  }

  /**
   * Where the cues of a match at `index`, `length` long, are read: where it starts, or, for a
   * match that runs past a question mark into what answers it ("NAT? no", "Can the client reach
   * 135? No."), where the answer starts. The question asks and the answer states: neither the
   * question's factor nor a hedge of its sentence lowers the answer. Only the match is searched.
   */
  cuesAt(index: number, length: number): number {
    const answer = this.extraction.questions?.answer;
    if (!answer) return index;
    const matched = this.text.slice(index, index + length);
    const asked = matched.lastIndexOf('?');
    const before = asked < 0 ? null : answer.exec(matched.slice(asked + 1));
    return before ? index + asked + 1 + before[0].length : index;
  }

  /** Where the sentence holding `index` ends (exclusive). */
  endOf(index: number): number {
    return this.starts.after(index) ?? this.length;
  }

  // Whether `index` lies in a section a cue of group `cue` heads. Sections are kept by their starts:
  // a later one ends at the same blank line as an earlier one or after it, so the last to start at
  // or before `index` decides.
  private inSection(cue: number, index: number): boolean {
    const sections = this.sections[cue];
    if (!sections) return false;
    if (!this.sectionStarts[cue]) {
      sections.sort((a, b) => a[0] - b[0]);
      this.sectionStarts[cue] = sections.map(([start]) => start);
    }
    const at = lastAtOrBefore(this.sectionStarts[cue], index);
    return at >= 0 && index < sections[at]![1];
  }

  /**
   * What a fact read at `index` is worth after the cues of its sentence: the product of their
   * groups' factors, less those that lower the fact only under a condition (conditionsAt).
   */
  factor(fact: string, index: number): number {
    const sentence = this.startOf(index);
    let factor = 1;
    const { questions } = this.extraction;
    if (questions?.facts.has(fact) && this.questions.has(sentence)) factor *= questions.factor;
    this.extraction.sentenceCues.forEach((group, i) => {
      if (!group.onlyWhereRead?.facts.has(fact) && this.applies(i, fact, sentence, index)) factor *= group.factor;
    });
    return factor;
  }

  /**
   * The groups whose cues in the sentence of `index` lower `fact` only where the ticket reads
   * another fact as one of some values (SentenceCues.onlyWhereRead), once that fact is known.
   */
  conditionsAt(fact: string, index: number): HedgeCondition[] | undefined {
    if (!this.conditional.has(fact)) return undefined;
    const sentence = this.startOf(index);
    const conditions: HedgeCondition[] = [];
    this.extraction.sentenceCues.forEach((group, i) => {
      const condition = group.onlyWhereRead;
      if (condition?.facts.has(fact) && this.applies(i, fact, sentence, index)) conditions.push({ factor: group.factor, fact: condition.fact, values: condition.values });
    });
    return conditions.length > 0 ? conditions : undefined;
  }

  // Whether group `i` lowers `fact` read at `index`, in the sentence that starts at `sentence`.
  private applies(i: number, fact: string, sentence: number, index: number): boolean {
    const group = this.extraction.sentenceCues[i]!;
    if (!group.facts.has(fact) || (group.cancelledBy !== undefined && this.cued[group.cancelledBy]!.has(sentence))) return false;
    return this.cued[i]!.has(sentence) || this.inSection(i, index);
  }
}

// The facts some group of a knowledge base's cues lowers only under a condition, found once per
// list of groups (it lives as long as its knowledge base) rather than once per ticket.
const conditionalFacts = new WeakMap<Extraction['sentenceCues'], ReadonlySet<string>>();

function conditionalFactsOf(groups: Extraction['sentenceCues']): ReadonlySet<string> {
  let facts = conditionalFacts.get(groups);
  if (!facts) {
    facts = new Set(groups.flatMap((group) => [...(group.onlyWhereRead?.facts ?? [])]));
    conditionalFacts.set(groups, facts);
  }
  return facts;
}

/** A hedge that lowers a fact by `factor` where the ticket reads `fact` as one of `values`. */
export interface HedgeCondition {
  factor: number;
  fact: string;
  values: ReadonlySet<Scalar>;
}

// A heading is a short line that ends in a colon ("Resolution:", "Fix (change 2002-117):").
const HEADING = /^[^\n:]{1,60}:[ \t]*$/;

/**
 * The lines of one text and its blank lines, found once, so that the section under a heading is
 * looked up in logarithmic time however many cues stand in headings.
 */
class Lines {
  private readonly starts: ClauseStarts;
  private readonly blanks: number[] = [];

  constructor(private readonly text: string) {
    this.starts = new ClauseStarts(text, ['\n']);
    for (const match of matches(/\n[ \t]*(?=\n)/g, text)) this.blanks.push(match.index);
  }

  /** The lines under the heading line that holds `index`, up to the next blank line; undefined when that line is no heading. */
  sectionUnder(index: number): [number, number] | undefined {
    const lineStart = this.starts.before(index);
    const next = this.starts.after(index);
    if (next === undefined) return undefined;
    const lineEnd = next - 1;
    if (lineEnd - lineStart > 80 || !HEADING.test(this.text.slice(lineStart, lineEnd))) return undefined;
    // A line that ends in a colon before a blank line introduces a paragraph, not a list under it.
    const blank = this.blanks[lastAtOrBefore(this.blanks, lineEnd - 1) + 1];
    if (blank === lineEnd) return undefined;
    return [lineEnd + 1, blank ?? this.text.length];
  }
}
