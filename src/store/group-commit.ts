import type Database from 'better-sqlite3';

interface Pending<T = unknown> {
  write: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs the writes asked for in one turn of the event loop in one SQLite transaction, so that they
 * share one commit and its fsync (0.6 ms each on this project's machine, against 60 µs a row in
 * a shared one). Each write is a savepoint of its own: one that fails is rolled back alone and
 * rejects alone. A write's promise resolves only after the commit, so an answer that depends on
 * it (a webhook's 200) is never sent before the row is on disk.
 */
export class GroupCommit {
  private pending: Pending[] = [];
  private flushing?: Promise<void> | undefined;

  constructor(private readonly db: Database.Database) {}

  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ write, resolve, reject } as Pending);
      this.flushing ??= new Promise<void>((done) =>
        setImmediate(() => {
          this.flush();
          done();
        }),
      );
    });
  }

  /** Resolves once every write asked for so far is committed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.flushing = undefined;
    const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db
        .transaction(() => {
          for (const { write } of batch) {
            try {
              results.push({ ok: true, value: this.db.transaction(write)() });
            } catch (error) {
              results.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // The commit itself failed (the disk is full, the file is locked too long): nothing of the batch holds.
      for (const { reject } of batch) reject(error);
      return;
    }
    batch.forEach(({ resolve, reject }, i) => {
      const result = results[i]!;
      if (result.ok) resolve(result.value);
      else reject(result.error);
    });
  }
}
