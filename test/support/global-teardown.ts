import fs from 'node:fs';
import type { Cluster } from './postgres-cluster';

/** Stops the shared PostgreSQL server and removes the run's temporary folder with all it holds. */
export default function globalTeardown(): void {
  const { testCluster, testRunDir } = globalThis as { testCluster?: Cluster; testRunDir?: string };
  testCluster?.stop();
  if (testRunDir) fs.rmSync(testRunDir, { recursive: true, force: true });
}
