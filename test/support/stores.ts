import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/store';
import { freshDatabase } from './postgres';

/** A store of each kind, empty: the embedded one in a temporary DATA_DIR, PostgreSQL in a new database. */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;

export interface TestStore {
  store: Store;
  /** What opens the same store again (a restart, a second instance). */
  settings: { dataDir: string; databaseUrl?: string };
  /** Closes it and removes what it made. */
  dispose(): Promise<void>;
}

export async function testStore(kind: (typeof STORE_KINDS)[number]): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-store-'));
  const database = kind === 'postgres' ? await freshDatabase() : undefined;
  const settings = { dataDir, ...(database ? { databaseUrl: database.url } : {}) };
  const store = await openStore(settings);
  return {
    store,
    settings,
    async dispose() {
      await store.close();
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
