// Writes the fact vocabulary (rules/facts.json) as a TypeScript constant, so that fact names and
// their allowed values are types: `facts.natMode` autocompletes, and a misspelt name or value
// fails to compile. Usage: node scripts/generate-facts.mjs <facts.json> <out.ts>
import fs from 'node:fs';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: generate-facts.mjs <facts.json> <out.ts>');
  process.exit(2);
}
const { facts } = JSON.parse(fs.readFileSync(source, 'utf8'));
const entries = facts.map(({ name, type, description, question, values }) => {
  // What a caller needs to send a fact; how the service derives one is its own business.
  const entry = JSON.stringify({ name, type, description, question, ...(values ? { values } : {}) }, null, 2).replace(/\n/g, '\n  ');
  // The description shows where an editor completes or hovers the name.
  return `  /** ${description.replace(/\*\//g, '*\\/')} */\n  ${name}: ${entry},\n`;
});
const text = `// Generated from rules/facts.json by scripts/generate-facts.mjs (npm run generate): do not edit.

/** The fact vocabulary: every fact a caller may send, with its type, question and allowed values. */
export const facts = {
${entries.join('')}} as const;
`;
fs.writeFileSync(target, text);
