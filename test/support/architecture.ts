import { folderOf, type ImportEdge } from './import-graph';

/** The doors: each translates its medium to the application layer, and none imports another. */
const DOORS = ['http', 'mcp', 'webhooks', 'web', 'cli'];
/** Where the doors are assembled into the service and the process started: the only importers of doors. */
const ASSEMBLY = ['service', '.'];
/** The application layer: used by doors and the assembly only. */
const APPLICATION = 'app';

/** What breaks the layering of src/, in words; empty when nothing does. */
export function architectureViolations(edges: ImportEdge[]): string[] {
  const violations: string[] = [];
  const folders = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (to.startsWith('..')) {
      violations.push(`${from} imports ${to}, outside src/`);
      continue;
    }
    const [a, b] = [folderOf(from), folderOf(to)];
    if (a === b) continue;
    if (DOORS.includes(b) && !ASSEMBLY.includes(a)) violations.push(`${from} imports the ${b} door (${to}); only ${ASSEMBLY.join(' and ')} may`);
    if (b === APPLICATION && !DOORS.includes(a) && !ASSEMBLY.includes(a)) violations.push(`${from} imports the application layer (${to}) from below it`);
    folders.set(a, (folders.get(a) ?? new Set()).add(b));
  }
  for (const cycle of folderCycles(folders)) violations.push(`folders import each other in a circle: ${cycle.join(' -> ')}`);
  return violations;
}

/** One cycle through each strongly connected group of folders (Tarjan's algorithm), as a path that returns to its start. */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) cycles.push(pathWithin(graph, new Set(group), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A path from `start` back to it, staying inside `group` (breadth-first, so the shortest). */
function pathWithin(graph: Map<string, Set<string>>, group: Set<string>, start: string): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!group.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}
