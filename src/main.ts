import { run } from './service/run';

// A bad setting or an invalid knowledge base stops the process with the reason, before it listens.
run().catch((error: Error) => {
  console.error(`outlook-connectivity-kb: cannot start: ${error.message}`);
  process.exit(1);
});
