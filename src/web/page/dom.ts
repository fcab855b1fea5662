// A few lines of DOM building instead of a framework: every text goes in as a text node, so
// nothing the API or the user sends is ever parsed as HTML.

type Child = Node | string | number | null | undefined | false;
/** Children nest to any depth (lists of lists from map), and are flattened in order. */
export type Children = Child | Children[];
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** An element with attributes (`on…` ones are listeners; `true` sets, `false`/undefined omits) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: Children[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else if (child !== null && child !== undefined && child !== false) parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces what `parent` holds with `children`. */
export function fill(parent: Element, ...children: Children[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * The page element with this id; throws when the page lacks it, since the markup and the script
 * ship together.
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

/** The pieces of text something was read from, each in quotation marks: “SonicWall”, “NAT overload”. */
export const quoted = (words: readonly string[]): string => words.map((word) => `“${word}”`).join(', ');
