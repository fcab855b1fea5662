import { configFromEnv } from './config';
import { startService } from './server';

// Start-up: a bad setting or an invalid knowledge base stops the process with the reason, before
// it listens.
async function main(): Promise<void> {
  const { server, kb, url } = await startService(configFromEnv());
  console.log(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on ${url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.close(() => process.exit(0)));
  }
}

main().catch((error: Error) => {
  console.error(`outlook-connectivity-kb: cannot start: ${error.message}`);
  process.exit(1);
});
