/**
 * Where a field error points. Every pointer is an RFC 6901 JSON pointer, never a URI fragment
 * (`#/...`): a body's field at its place in the body (`/facts/natMode`), a query parameter at
 * `/query/<name>`. No request body has a top-level `query` property (a test holds the contract to
 * that), so the two never point at the same place.
 */
export function queryPointer(name?: string): string {
  return name === undefined ? '/query' : `/query/${escapePointerToken(name)}`;
}

/** RFC 6901: the name a pointer's token stands for ("~1" is "/", "~0" is "~"). */
export function decodePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** RFC 6901: a name with "/" or "~" must still yield a pointer that resolves to it. */
function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
