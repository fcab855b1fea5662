import { execFileSync } from 'node:child_process';

/** Of two articles, the one a finding about both is filed against: the one being added. */
export type Newer = (a: string, b: string) => string;

/**
 * The articles of a rules directory, oldest first, as git added their files (the last time, for
 * one removed and added again). A finding about two articles is filed against the newer one: the
 * article being added, whatever its id, not the one that was there. Outside a git work tree, or
 * where a shallow clone added every file at once, ids decide; a file git does not have yet is the
 * newest of all.
 */
export function articleOrder(rulesDir: string): string[] {
  let log: string;
  try {
    log = execFileSync('git', ['-C', rulesDir, 'log', '--reverse', '--relative', '--diff-filter=A', '--format=', '--name-only', '--', 'articles'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return [];
  }
  const order: string[] = [];
  for (const line of log.split('\n')) {
    const match = /^articles\/(.+)\.json$/.exec(line.trim());
    if (!match) continue;
    const id = match[1]!;
    if (order.includes(id)) order.splice(order.indexOf(id), 1);
    order.push(id);
  }
  return order;
}

/** Of two articles, the later in `order`; one not in it is newer than any that is; ids break ties. */
export function newerBy(order: readonly string[]): Newer {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return (a, b) => {
    const difference = rank(a) - rank(b);
    if (difference !== 0) return difference > 0 ? a : b;
    return a < b ? b : a;
  };
}
