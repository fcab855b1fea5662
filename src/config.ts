import { bundledRulesDir } from './paths';

export interface Config {
  port: number;
  host: string;
  rulesDir: string;
  /** Zendesk webhook signing secret (ZENDESK_WEBHOOK_SECRET); unset: signatures are not checked. */
  zendeskSecret?: string;
}

export class ConfigError extends Error {}

/** Reads the settings from the environment; a bad one fails start-up with its name and what is allowed. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: port(env.PORT),
    host: env.HOST?.trim() || '127.0.0.1',
    rulesDir: env.RULES_DIR?.trim() || bundledRulesDir,
    ...(env.ZENDESK_WEBHOOK_SECRET ? { zendeskSecret: env.ZENDESK_WEBHOOK_SECRET } : {}),
  };
}

function port(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535 (0 picks a free port), not "${value}"`);
  }
  return n;
}
