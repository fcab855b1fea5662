import type { AddressInfo } from 'node:net';
import { createApp } from './api/app';
import { configFromEnv } from './config';
import { Diagnoser } from './engine/diagnose';
import { loadKnowledgeBase } from './kb/load';

// Start-up: a bad setting or an invalid knowledge base stops the process with the reason, before
// it listens; the service never serves part of a knowledge base.
function main(): void {
  const config = configFromEnv();
  const kb = loadKnowledgeBase(config.rulesDir);
  const served = { kb, diagnoser: new Diagnoser(kb) };
  const app = createApp({ serving: () => served });
  const server = app.listen(config.port, config.host, () => {
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    console.log(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on http://${host}:${port}`);
  });
  server.on('error', (error) => fail(error));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

function fail(error: unknown): never {
  console.error(`outlook-connectivity-kb: cannot start: ${(error as Error).message}`);
  process.exit(1);
}

try {
  main();
} catch (error) {
  fail(error);
}
