import type { Cluster } from './postgres-cluster';

export default function globalTeardown(): void {
  (globalThis as { testCluster?: Cluster }).testCluster?.stop();
}
