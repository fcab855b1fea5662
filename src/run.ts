import { configFromEnv } from './config';
import { startService } from './server';

/**
 * Runs the service as a process: settings from the environment, SIGHUP reloads the knowledge
 * base, SIGTERM and SIGINT stop it gracefully (exit 0 when every request in flight finished in
 * time, 1 otherwise).
 */
export async function run(): Promise<void> {
  const config = configFromEnv();
  const service = await startService(config);
  const { kb, url, logger } = service;
  console.log(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on ${url}`);
  logger.info({ url, revision: kb.revision, pid: process.pid }, 'listening');
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
