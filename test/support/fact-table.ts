import type { Vocabulary } from '../../src/kb/vocabulary';

/** The API guide's fact table (docs/api.md), as rules/facts.json gives it: one row per fact, its values and meaning. */
export function factTable(vocabulary: Vocabulary): string {
  const rows = vocabulary.facts.map((fact) => {
    const values = fact.values ? fact.values.map((v) => `\`${String(v.value)}\``).join(', ') : 'IPv4 or IPv6 host address, optionally with its prefix';
    return `| \`${fact.name}\` | ${fact.type} | ${values} | ${fact.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| fact | type | values | meaning |', '|---|---|---|---|', ...rows].join('\n');
}
