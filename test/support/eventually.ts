/**
 * Resolves once `check` holds, looking again every 20 ms; fails after `withinMs` saying what did
 * not happen. For what has no event to wait on: a row another process records.
 */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, withinMs = 10_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not so within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
