/**
 * The member at `path` in a parsed JSON body; undefined where there is none, as optional chaining
 * gives. For bodies the contract does not type, such as what the service sends a ticketing system.
 */
export const member = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), value);
