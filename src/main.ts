import { configFromEnv } from './config';
import { startService } from './server';

// Start-up: a bad setting or an invalid knowledge base stops the process with the reason, before
// it listens. SIGHUP reloads the knowledge base; SIGTERM and SIGINT stop it gracefully.
async function main(): Promise<void> {
  const config = configFromEnv();
  const service = await startService(config);
  const { kb, url, logger } = service;
  console.log(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on ${url}`);
  logger.info({ url, revision: kb.revision }, 'listening');
  process.on('SIGHUP', () => service.reload());
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void service.shutdown().then((clean) => {
        logger.info({ clean }, 'stopped');
        process.exit(clean ? 0 : 1);
      });
    });
  }
}

main().catch((error: Error) => {
  console.error(`outlook-connectivity-kb: cannot start: ${error.message}`);
  process.exit(1);
});
