import { configFromEnv } from '../config/config';
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
  process.on('SIGHUP', () => service.reload());
  let stopping = false;
  const stop = (clean: boolean) => {
    if (stopping) return;
    stopping = true;
    void service.shutdown().then((finished) => {
      logger.info({ clean: finished }, 'stopped');
      process.exit(clean && finished ? 0 : 1);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      logger.info({ signal }, 'shutting down');
      stop(true);
    });
  }
  // A bug that escapes a request: the state of the process is unknown, so it stops, but lets
  // the requests in flight finish first (a cluster starts another worker); exit 1 says why.
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception; stopping');
    stop(false);
  });
  // Said once the signals are handled: a process manager may signal as soon as it reads this
  // line, and a SIGTERM before the handlers would have killed the service outright.
  console.log(`outlook-connectivity-kb: ${kb.articles.length} articles (revision ${kb.revision}), listening on ${url}`);
  logger.info({ url, revision: kb.revision, pid: process.pid }, 'listening');
}
