import type { Vocabulary } from '../kb/vocabulary';

/** The command that writes the API guide's fact table (docs/api.md) from rules/facts.json. */
export const FACT_TABLE_COMMAND = 'npm run docs:facts';
// The table sits between these comments in docs/api.md, so that it can be rewritten in place while
// the prose around it is written by hand.
const START = `<!-- fact table: generated from rules/facts.json by \`${FACT_TABLE_COMMAND}\`; edit facts.json, not this table -->`;
const END = '<!-- end of fact table -->';

/** The API guide's fact table, as rules/facts.json gives it: one row per fact, its values and meaning. */
export function factTable(vocabulary: Vocabulary): string {
  const rows = vocabulary.facts.map((fact) => {
    const values = fact.values ? fact.values.map((v) => `\`${String(v.value)}\``).join(', ') : 'IPv4 or IPv6 host address, optionally with its prefix';
    return `| \`${fact.name}\` | ${fact.type} | ${values} | ${fact.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| fact | type | values | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** The API guide with its fact table replaced by the vocabulary's; throws when the markers are missing. */
export function withFactTable(guide: string, vocabulary: Vocabulary): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/api.md has no fact table between "${START}" and "${END}"`);
  // Blank lines around the table: a comment line next to it would read as one of its rows.
  return `${guide.slice(0, start + START.length)}\n\n${factTable(vocabulary)}\n\n${guide.slice(end)}`;
}

/** Why the API guide's fact table is not the vocabulary's, with the command that fixes it; undefined when it is. */
export function staleFactTable(guide: string, vocabulary: Vocabulary): string | undefined {
  if (withFactTable(guide, vocabulary) === guide) return undefined;
  return `docs/api.md's fact table differs from rules/facts.json: run \`${FACT_TABLE_COMMAND}\` to write it again`;
}
