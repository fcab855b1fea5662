// Copies the top README's example of this client (its ```ts block that calls createKbClient) into a
// file that the build type-checks, so the README cannot show code that does not compile against
// this client.
// Usage: node scripts/readme-example.mjs <README.md> <out.ts>
import fs from 'node:fs';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: readme-example.mjs <README.md> <out.ts>');
  process.exit(2);
}
const readme = fs.readFileSync(source, 'utf8');
const example = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('createKbClient('));
if (!example) {
  console.error(`${source} has no ts example that calls createKbClient`);
  process.exit(1);
}
const text = `// Generated from the README's example of the typed client by scripts/readme-example.mjs: do not edit.
import type { AnyFactValue, Question, Ticket } from '../src/index.js';

// What the README leaves to the reader.
declare function ask(text: string, values: Question['values']): Promise<AnyFactValue | null>;
declare function readTickets(): AsyncIterable<Ticket>;

${example.replace(/from 'outlook-connectivity-kb-client'/g, "from '../src/index.js'")}
export {};
`;
fs.writeFileSync(target, text);
