import { startCluster, type Cluster } from './postgres-cluster';

// Once for the whole run: the PostgreSQL server the store's tests share (each test file makes a
// database of its own). Jest's workers start after this, with these variables.
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  try {
    const cluster = await startCluster();
    process.env.TEST_DATABASE_URL = cluster.url;
    (globalThis as { testCluster?: Cluster }).testCluster = cluster;
  } catch (error) {
    process.env.TEST_DATABASE_MISSING = (error as Error).message;
  }
}
