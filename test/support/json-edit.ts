// Edits of a parsed JSON file at a JSON pointer (RFC 6901), for tests that break one member of a
// rules/ file on purpose, often into a shape its type does not allow: the data stays unknown, and
// a pointer that leads nowhere throws, so that an edit never misses what it was meant to break.

/** An edit of parsed JSON, in place. */
export type JsonEdit = (data: unknown) => void;

function tokensOf(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: "${pointer}"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function follow(data: unknown, tokens: string[], pointer: string): unknown {
  return tokens.reduce<unknown>((node, token) => {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) throw new Error(`nothing at ${pointer}`);
    return (node as Record<string, unknown>)[token];
  }, data);
}

/** The object or array holding the member `pointer` names (which need not exist yet), and its key there. */
function parentOf(data: unknown, pointer: string): { parent: Record<string, unknown>; key: string } {
  const tokens = tokensOf(pointer);
  const key = tokens.pop()!;
  const parent = follow(data, tokens, pointer);
  if (typeof parent !== 'object' || parent === null) throw new Error(`nothing to hold ${pointer}`);
  return { parent: parent as Record<string, unknown>, key };
}

/** The member at `pointer`; throws where there is none. */
const get = (data: unknown, pointer: string): unknown => follow(data, tokensOf(pointer), pointer);

/** Sets the member at `pointer` (adding it where its parent lacks it). */
export const set =
  (pointer: string, value: unknown): JsonEdit =>
  (data) => {
    const { parent, key } = parentOf(data, pointer);
    parent[key] = value;
  };

/** Removes the member at `pointer`, which must exist. */
export const remove =
  (pointer: string): JsonEdit =>
  (data) => {
    const { parent, key } = parentOf(data, pointer);
    if (!Object.hasOwn(parent, key)) throw new Error(`nothing at ${pointer}`);
    delete parent[key];
  };

/** Appends `value` to the list at `pointer`. */
export const push =
  (pointer: string, value: unknown): JsonEdit =>
  (data) => {
    const list = get(data, pointer);
    if (!Array.isArray(list)) throw new Error(`no list at ${pointer}`);
    list.push(value);
  };

/** Sets the member at `to` to the member at `from`. */
export const copy =
  (from: string, to: string): JsonEdit =>
  (data) =>
    set(to, get(data, from))(data);
