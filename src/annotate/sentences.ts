import type { Extraction } from '../kb/extraction';
import { ClauseStarts, matches } from './clauses';

// What ends a sentence in a ticket: a full stop, question or exclamation mark or a semicolon
// before a space, or a line break (tickets are written in lines as often as in sentences; a
// semicolon joins two statements whose cues are apart: "Outlook 2007 users can't connect; the
// Outlook Anywhere people are fine").
const SENTENCE_BREAKS = ['. ', '! ', '? ', '; ', '\n'] as const;

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

  constructor(
    text: string,
    private readonly extraction: Extraction,
  ) {
    this.length = text.length;
    this.starts = new ClauseStarts(text, SENTENCE_BREAKS);
    this.cued = extraction.sentenceCues.map(() => new Set<number>());
    const { questions } = extraction;
    if (questions && text.includes('?')) {
      for (const match of matches(questions.start, text)) this.questions.add(this.startOf(match.index + match[0].search(/[^\s>*-]/)));
    }
  }

  // The sentences (by their starts) that ask whether something is so.
  private readonly questions = new Set<number>();

  /** Records a cue of group `cue` found at `index`. */
  cueAt(cue: number, index: number): void {
    this.cued[cue]!.add(this.startOf(index));
  }

  /** Where the sentence holding `index` starts: it names the sentence. */
  startOf(index: number): number {
    return this.starts.before(index);
  }

  /** Where the sentence holding `index` ends (exclusive). */
  endOf(index: number): number {
    return this.starts.after(index) ?? this.length;
  }

  /** What a fact read at `index` is worth after the cues of its sentence: the product of their groups' factors. */
  factor(fact: string, index: number): number {
    const sentence = this.startOf(index);
    let factor = 1;
    const { questions } = this.extraction;
    if (questions?.facts.has(fact) && this.questions.has(sentence)) factor *= questions.factor;
    this.extraction.sentenceCues.forEach((group, i) => {
      if (group.facts.has(fact) && this.cued[i]!.has(sentence) && !(group.cancelledBy !== undefined && this.cued[group.cancelledBy]!.has(sentence))) factor *= group.factor;
    });
    return factor;
  }
}
