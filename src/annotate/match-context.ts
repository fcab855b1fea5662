import type { AddressCue, Extraction } from '../kb/extraction';
import { ClauseStarts, lastAtOrBefore, matches } from './clauses';
import { passes } from '../kb/prefilter';

/**
 * Whose address stands at a position of one text: the role of the nearest cue before it in its
 * clause ("the Exchange server is 10.0.0.5"), or none.
 */
export class AddressRoles {
  private readonly clauses: ClauseStarts;
  // Every cue's matches in the whole text, found once. A cue cannot run across a clause break
  // (cues are words; breaks end in a space or a line break) nor into an address (an address
  // starts after a character that is not part of a word), so a clause's cues are among these.
  private readonly cues: { role: string; starts: number[]; ends: number[] }[];

  private readonly following: Extraction['addresses']['following'];

  /** `found`: the required texts in the ticket (requiredTextsIn), which tell which cues can match. */
  constructor(
    private readonly text: string,
    { addresses }: Extraction,
    found: Uint8Array,
  ) {
    this.following = addresses.following;
    this.clauses = new ClauseStarts(text, addresses.clauseBreaks);
    this.cues = addresses.cues.map(({ regex, role, roleWhenAbsent, prefilter }) => {
      const cues = passes(prefilter, found) ? matches(regex, text) : [];
      // What the role depends on is looked for only where the cue is there to give one.
      const given = cues.length ? roleIn(text, role, roleWhenAbsent) : role;
      return { role: given, starts: cues.map((m) => m.index), ends: cues.map((m) => m.index + m[0].length) };
    });
  }

  /** The role of the address text[index, end): a cue right after it, else the nearest before it. */
  at(index: number, end = index): string | undefined {
    for (const { regex, role } of this.following) {
      regex.lastIndex = end;
      if (regex.test(this.text)) return role;
    }
    const clauseStart = this.clauses.before(index);
    let nearest: { end: number; role: string } | undefined;
    for (const cue of this.cues) {
      const last = lastAtOrBefore(cue.ends, index);
      if (last < 0 || cue.starts[last]! < clauseStart) continue;
      // On a tie the first cue in extraction.json wins.
      if (!nearest || cue.ends[last]! > nearest.end) nearest = { end: cue.ends[last]!, role: cue.role };
    }
    return nearest?.role;
  }
}

/** The role a cue gives in one text: its own, or where the text never says what it needs (a back end for a front end), the other one. */
function roleIn(text: string, role: string, roleWhenAbsent: AddressCue['roleWhenAbsent']): string {
  if (!roleWhenAbsent) return role;
  roleWhenAbsent.regex.lastIndex = 0;
  return roleWhenAbsent.regex.test(text) ? role : roleWhenAbsent.role;
}
