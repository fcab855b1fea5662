// Copies the top README's "Typed client" example into a file that the build type-checks, so the
// README cannot show code that does not compile against this client.
// Usage: node scripts/readme-example.mjs <README.md> <out.ts>
import fs from 'node:fs';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: readme-example.mjs <README.md> <out.ts>');
  process.exit(2);
}
const readme = fs.readFileSync(source, 'utf8');
const section = /^## Typed client\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
const example = section && /```ts\n([\s\S]*?)```/.exec(section)?.[1];
if (!example) {
  console.error(`${source} has no ts example under "## Typed client"`);
  process.exit(1);
}
const text = `// Generated from the README's "Typed client" example by scripts/readme-example.mjs: do not edit.
import type { AnyFactValue, Question, Ticket } from '../src/index.js';

// What the README leaves to the reader.
declare function ask(text: string, values: Question['values']): Promise<AnyFactValue | null>;
declare function readTickets(): AsyncIterable<Ticket>;

${example.replace(/from 'outlook-connectivity-kb-client'/g, "from '../src/index.js'")}
export {};
`;
fs.writeFileSync(target, text);
