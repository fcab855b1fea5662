import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeBuiltProject } from './built-project';
import { startCluster, type Cluster } from './postgres-cluster';

// Once for the whole run, before jest's workers start (they inherit these variables):
// - one temporary folder that every temporary file of the run goes under (TMPDIR, which
//   os.tmpdir() reads, in the workers and the processes they start), so that the teardown
//   removes whatever a test left;
// - the project built from the sources under test, which the tests that start processes run
//   (see built-project.ts);
// - the PostgreSQL server the store's tests share (each test file makes a database of its own).
export default async function globalSetup(): Promise<void> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outlook-kb-tests-'));
  // Open to other users: as root, the PostgreSQL server runs as the postgres user, under this folder.
  fs.chmodSync(runDir, 0o755);
  process.env.TMPDIR = runDir;
  (globalThis as { testRunDir?: string }).testRunDir = runDir;
  process.env.TEST_BUILT_PROJECT = writeBuiltProject(runDir);
  if (process.env.TEST_DATABASE_URL) return;
  try {
    const cluster = await startCluster();
    process.env.TEST_DATABASE_URL = cluster.url;
    (globalThis as { testCluster?: Cluster }).testCluster = cluster;
  } catch (error) {
    process.env.TEST_DATABASE_MISSING = (error as Error).message;
  }
}
