import type { Vocabulary } from '../kb/vocabulary';

/** The command that writes the README's fact table from rules/facts.json. */
export const FACT_TABLE_COMMAND = 'npm run readme:facts';
// The table sits between these comments in README.md, so that it can be rewritten in place while
// the prose around it is written by hand.
const START = `<!-- fact table: generated from rules/facts.json by \`${FACT_TABLE_COMMAND}\`; edit facts.json, not this table -->`;
const END = '<!-- end of fact table -->';

/** The README's fact table, as rules/facts.json gives it: one row per fact, its values and meaning. */
export function factTable(vocabulary: Vocabulary): string {
  const rows = vocabulary.facts.map((fact) => {
    const values = fact.values ? fact.values.map((v) => `\`${String(v.value)}\``).join(', ') : 'IPv4 or IPv6 host address, optionally with its prefix';
    return `| \`${fact.name}\` | ${fact.type} | ${values} | ${fact.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| fact | type | values | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** The README with its fact table replaced by the vocabulary's; throws when the markers are missing. */
export function withFactTable(readme: string, vocabulary: Vocabulary): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no fact table between "${START}" and "${END}"`);
  // Blank lines around the table: a comment line next to it would read as one of its rows.
  return `${readme.slice(0, start + START.length)}\n\n${factTable(vocabulary)}\n\n${readme.slice(end)}`;
}

/** Why the README's fact table is not the vocabulary's, with the command that fixes it; undefined when it is. */
export function staleFactTable(readme: string, vocabulary: Vocabulary): string | undefined {
  if (withFactTable(readme, vocabulary) === readme) return undefined;
  return `README.md's fact table differs from rules/facts.json: run \`${FACT_TABLE_COMMAND}\` to write it again`;
}
