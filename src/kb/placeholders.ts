/**
 * What `outlook-kb new-article` writes where the author has something to fill in: a string (or an
 * object key) that starts with this, followed by what to write there.
 */
export const PLACEHOLDER = 'TODO';

/** A placeholder left in a file: where it is, and what it asks for. */
export interface Placeholder {
  pointer: string;
  hint: string;
}

/** Every placeholder in a JSON value, in document order (object keys included). */
export function placeholders(node: unknown, pointer = ''): Placeholder[] {
  if (typeof node === 'string') return node.startsWith(PLACEHOLDER) ? [{ pointer, hint: hintOf(node) }] : [];
  if (Array.isArray(node)) return node.flatMap((item, i) => placeholders(item, `${pointer}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return [...(key.startsWith(PLACEHOLDER) ? [{ pointer: at, hint: hintOf(key) }] : []), ...placeholders(value, at)];
  });
}

const hintOf = (text: string) => text.slice(PLACEHOLDER.length).replace(/^:\s*/, '') || 'fill this in';
