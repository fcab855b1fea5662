import crypto from 'node:crypto';
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../delivery/retry-policy';
import type { TargetSettings } from '../delivery/targets';
import { bundledRulesDir } from '../paths';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** The levels LOG_LEVEL takes (pino's). */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The service's settings, each under the environment variable it is read from. */
export interface Config {
  /** PORT, default 3000; 0 picks a free port. */
  port: number;
  /** HOST, default 127.0.0.1. */
  host: string;
  /** RULES_DIR, default the bundled rules/. */
  rulesDir: string;
  /** LOG_LEVEL, default info. */
  logLevel: LogLevel;
  /** BODY_LIMIT in bytes, default 102400 (100 kB). */
  bodyLimit: number;
  /** RATE_LIMIT_PER_MINUTE per API key (per client address without keys), default 60000; 0 turns it off. */
  rateLimitPerMinute: number;
  /** API_KEYS, comma-separated: the callers' keys, each `name:key` or a bare key; empty: no key needed to call the API. */
  apiKeys: string[];
  /** ADMIN_API_KEYS, comma-separated: keys for POST /admin/reload (and the API); empty: no admin endpoint. */
  adminApiKeys: string[];
  /** TRUST_PROXY, as express's `trust proxy` takes it; default false: the client is the peer address. */
  trustProxy: boolean | number | string[];
  /** METRICS_API_KEY: when set, GET /metrics needs it (or an admin key). */
  metricsApiKey?: string;
  /** METRICS_PORT: when set, /metrics is served on this port only, not with the API. */
  metricsPort?: number;
  /** CORS_ORIGINS, comma-separated origins allowed to call from a browser; empty: none. */
  corsOrigins: string[];
  /** SHUTDOWN_TIMEOUT_MS, default 10000: how long in-flight requests get on SIGTERM. */
  shutdownTimeoutMs: number;
  /** REQUEST_TIMEOUT_MS, default 30000: longest a request may take to arrive and be answered. */
  requestTimeoutMs: number;
  /** ANSWER_CACHE_MB, default 32: room for cached diagnose answers; 0 turns the cache off. */
  answerCacheMb: number;
  /** ANNOTATION_THREADS, default 1: worker threads that read long tickets; 0 reads them on the event loop. */
  annotationThreads: number;
  /** ZENDESK_WEBHOOK_SECRET; unset: Zendesk signatures are not checked. */
  zendeskSecret?: string;
  /** ZENDESK_WEBHOOK_MAX_AGE_MS, default 300000: how far a signature's timestamp may be from now. */
  zendeskMaxAgeMs: number;
  /** JIRA_WEBHOOK_SECRET: the admin webhook's secret; unset: X-Hub-Signature is not checked. */
  jiraSecret?: string;
  /** SERVICENOW_WEBHOOK_SECRET: the REST message's shared secret; unset: not checked. */
  serviceNowSecret?: string;
  /** DATA_DIR, default ./data: where the embedded store's file is, when DATABASE_URL is unset. */
  dataDir: string;
  /** DATABASE_URL: a PostgreSQL server for the store, shared by every instance. */
  databaseUrl?: string;
  /** Where each ticketing system is and the credentials to write to it; a system left out is not delivered to. */
  targets: TargetSettings;
  /** DELIVERY_FIRST_RETRY_MS, DELIVERY_LONGEST_RETRY_MS, DELIVERY_GIVE_UP_MS, DELIVERY_TIMEOUT_MS. */
  retryPolicy: RetryPolicy;
  /** DELIVERY_CONCURRENCY, default 8: deliveries in flight at once, per instance. */
  deliveryConcurrency: number;
  /** DELIVERY_POLL_MS, default 1000: how often the outbox is looked at for deliveries queued by other instances. */
  deliveryPollMs: number;
  /** DECISION_LOG, default true: record every diagnosis, annotation and webhook decision; false turns the log off. */
  decisionLog: boolean;
  /** DECISION_LOG_DAYS, default 90: how long decisions, their outcomes and their counters are kept. */
  decisionLogDays: number;
  /** DECISION_LOG_TEXT, default false: keep tickets' subjects and bodies with their decisions (they can hold personal data). */
  decisionLogText: boolean;
}

/**
 * RATE_LIMIT_PER_MINUTE when unset: 1,000 requests a second per key (or address), which only a
 * flood reaches. A chatbot backend or a ticketing system sends every user's requests with one
 * key from one address, so a limit sized for one person would throttle all of them at once.
 */
const DEFAULT_RATE_LIMIT_PER_MINUTE = 60_000;

/** TRUST_PROXY as express reads `trust proxy`: true, false, a number of hops, or a list proxy-addr compiles. */
function trustProxy(text: string): Config['trustProxy'] | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(entries);
    return entries;
  } catch {
    return undefined;
  }
}

/** How far a Zendesk signature's timestamp may be from now, by default: older is a replay. */
export const ZENDESK_MAX_AGE_MS = 5 * 60_000;

/** ANSWER_CACHE_MB when unset, and the app's when it is not told. */
export const DEFAULT_ANSWER_CACHE_MB = 32;

/**
 * An entry of API_KEYS or ADMIN_API_KEYS: `name:key` names the key (the name is what the decision
 * log records as the caller, never the key), a bare key is named by the first 8 hex digits of its
 * SHA-256 digest, `key-1a2b3c4d`, which tells keys apart without giving anything of them away.
 */
export function keyOf(entry: string): { name: string; key: string } {
  const named = /^([A-Za-z][\w.-]{0,39}):(.{16,})$/.exec(entry);
  if (named) return { name: named[1]!, key: named[2]! };
  return { name: `key-${crypto.createHash('sha256').update(entry).digest('hex').slice(0, 8)}`, key: entry };
}

/** A setting the environment gives that configFromEnv refuses; the service does not start. */
export class ConfigError extends Error {}

/**
 * Reads the settings from the environment. Every bad setting is reported at once, each with its
 * name and what it allows, and start-up stops: nothing is guessed.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = <T>(name: string, fallback: T, parse: (text: string) => T | undefined, allowed: string): T => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return fallback;
    const value = parse(text);
    if (value === undefined) {
      problems.push(`${name} must be ${allowed}, not "${env[name]}"`);
      return fallback;
    }
    return value;
  };
  const integer = (min: number, max: number) => (text: string) => (/^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined);
  const list = (text: string) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const keys = (text: string) => (list(text).every((entry) => keyOf(entry).key.length >= 16) ? list(text) : undefined);
  const flag = (text: string) => (text === 'true' || text === 'false' ? text === 'true' : undefined);
  // A setting with no default: present in the config only when set.
  const optional = <K extends keyof Config>(name: string, key: K, parse: (text: string) => Config[K] | undefined, allowed: string) => {
    const value = read(name, undefined as Config[K] | undefined, parse, allowed);
    return value === undefined ? {} : { [key]: value };
  };
  // A ticketing system is delivered to when all its settings are set; some but not all is a mistake to report.
  const system = <T>(prefix: string, names: string[], build: (values: string[]) => T): T | object => {
    const values = names.map((name) => env[`${prefix}_${name}`]?.trim() ?? '');
    if (values.every((value) => value === '')) return {};
    const missing = names.filter((_name, i) => values[i] === '').map((name) => `${prefix}_${name}`);
    if (missing.length) {
      problems.push(`${missing.join(' and ')} must be set too: delivery to a ticketing system needs ${names.map((n) => `${prefix}_${n}`).join(', ')}`);
      return {};
    }
    if (!/^https?:\/\/[^/\s]+/.test(values[0]!)) {
      problems.push(`${prefix}_URL must be the system's base URL, such as https://example.atlassian.net, not "${values[0]}"`);
      return {};
    }
    return build(values);
  };

  const config: Config = {
    port: read('PORT', 3000, integer(0, 65535), 'an integer from 0 to 65535 (0 picks a free port)'),
    host: read('HOST', '127.0.0.1', (t) => t, 'a host name or address'),
    rulesDir: read('RULES_DIR', bundledRulesDir, (t) => t, 'a directory'),
    logLevel: read('LOG_LEVEL', 'info', (t) => ((LOG_LEVELS as readonly string[]).includes(t) ? (t as LogLevel) : undefined), `one of ${LOG_LEVELS.join(', ')}`),
    bodyLimit: read('BODY_LIMIT', 102400, integer(1024, 50 * 1024 * 1024), 'a number of bytes from 1024 to 52428800'),
    rateLimitPerMinute: read('RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMIT_PER_MINUTE, integer(0, 1_000_000), 'a whole number of requests per minute (0 turns the limit off)'),
    apiKeys: read('API_KEYS', [] as string[], keys, 'comma-separated keys of at least 16 characters each, each optionally named (name:key)'),
    adminApiKeys: read('ADMIN_API_KEYS', [] as string[], keys, 'comma-separated keys of at least 16 characters each, each optionally named (name:key)'),
    trustProxy: read('TRUST_PROXY', false, trustProxy, 'true, false, a number of proxies, or comma-separated addresses, subnets (CIDR) and loopback, linklocal or uniquelocal'),
    ...optional('METRICS_API_KEY', 'metricsApiKey', (t) => (t.length >= 16 ? t : undefined), 'a key of at least 16 characters'),
    ...optional('METRICS_PORT', 'metricsPort', integer(0, 65535), 'an integer from 0 to 65535'),
    corsOrigins: read(
      'CORS_ORIGINS',
      [] as string[],
      (t) => (list(t).every((o) => /^https?:\/\/[^/\s]+$/.test(o)) ? list(t) : undefined),
      'comma-separated origins such as https://helpdesk.example.com',
    ),
    shutdownTimeoutMs: read('SHUTDOWN_TIMEOUT_MS', 10000, integer(0, 600000), 'milliseconds from 0 to 600000'),
    requestTimeoutMs: read('REQUEST_TIMEOUT_MS', 30000, integer(1000, 600000), 'milliseconds from 1000 to 600000'),
    answerCacheMb: read('ANSWER_CACHE_MB', DEFAULT_ANSWER_CACHE_MB, integer(0, 4096), 'a whole number of megabytes from 0 to 4096 (0 turns the cache off)'),
    annotationThreads: read('ANNOTATION_THREADS', 1, integer(0, 64), 'a whole number of threads from 0 to 64 (0 reads tickets on the event loop)'),
    ...(env.ZENDESK_WEBHOOK_SECRET ? { zendeskSecret: env.ZENDESK_WEBHOOK_SECRET } : {}),
    zendeskMaxAgeMs: read('ZENDESK_WEBHOOK_MAX_AGE_MS', ZENDESK_MAX_AGE_MS, integer(1000, 3_600_000), 'milliseconds from 1000 to 3600000'),
    ...(env.JIRA_WEBHOOK_SECRET ? { jiraSecret: env.JIRA_WEBHOOK_SECRET } : {}),
    ...(env.SERVICENOW_WEBHOOK_SECRET ? { serviceNowSecret: env.SERVICENOW_WEBHOOK_SECRET } : {}),
    dataDir: path.resolve(read('DATA_DIR', 'data', (t) => t, 'a directory')),
    ...optional('DATABASE_URL', 'databaseUrl', (t) => (/^postgres(ql)?:\/\//.test(t) ? t : undefined), 'a PostgreSQL URL such as postgres://user:password@host:5432/database'),
    targets: {
      ...system('ZENDESK', ['URL', 'EMAIL', 'API_TOKEN'], ([url, email, apiToken]) => ({ zendesk: { url: url!, email: email!, apiToken: apiToken! } })),
      ...system('JIRA', ['URL', 'EMAIL', 'API_TOKEN'], ([url, email, apiToken]) => ({ jira: { url: url!, email: email!, apiToken: apiToken! } })),
      ...system('SERVICENOW', ['URL', 'USER', 'PASSWORD'], ([url, user, password]) => ({ servicenow: { url: url!, user: user!, password: password! } })),
    },
    retryPolicy: {
      firstRetryMs: read('DELIVERY_FIRST_RETRY_MS', DEFAULT_RETRY_POLICY.firstRetryMs, integer(1, 3_600_000), 'milliseconds from 1 to 3600000'),
      longestRetryMs: read('DELIVERY_LONGEST_RETRY_MS', DEFAULT_RETRY_POLICY.longestRetryMs, integer(1, 86_400_000), 'milliseconds from 1 to 86400000'),
      giveUpMs: read('DELIVERY_GIVE_UP_MS', DEFAULT_RETRY_POLICY.giveUpMs, integer(1000, 30 * 86_400_000), 'milliseconds from 1000 to 2592000000 (30 days)'),
      timeoutMs: read('DELIVERY_TIMEOUT_MS', DEFAULT_RETRY_POLICY.timeoutMs, integer(100, 600_000), 'milliseconds from 100 to 600000'),
    },
    deliveryConcurrency: read('DELIVERY_CONCURRENCY', 8, integer(1, 256), 'a whole number from 1 to 256'),
    deliveryPollMs: read('DELIVERY_POLL_MS', 1000, integer(10, 600_000), 'milliseconds from 10 to 600000'),
    decisionLog: read('DECISION_LOG', true, flag, 'true or false'),
    decisionLogDays: read('DECISION_LOG_DAYS', 90, integer(1, 3650), 'a whole number of days from 1 to 3650'),
    decisionLogText: read('DECISION_LOG_TEXT', false, flag, 'true or false'),
  };
  const adminKeys = new Set(config.adminApiKeys.map((entry) => keyOf(entry).key));
  const both = config.apiKeys.filter((entry) => adminKeys.has(keyOf(entry).key));
  if (both.length) problems.push(`ADMIN_API_KEYS must not repeat a key of API_KEYS (${both.length} do): give each caller and each admin a key of its own`);
  if (config.metricsPort !== undefined && config.metricsPort === config.port && config.port !== 0) problems.push(`METRICS_PORT must differ from PORT (${config.port})`);
  if (problems.length) throw new ConfigError(problems.join('; '));
  return config;
}
