import type { System } from './outbox';

/** A ticketing system the service writes to: its base URL and the Authorization its API takes. */
export interface Target {
  baseUrl: string;
  authorization: string;
}

/** The systems the service writes back to, each with where and how; a system without settings is left out. */
export type Targets = Partial<Record<System, Target>>;

/** The credentials each system's settings give (see config.ts). */
export interface TargetSettings {
  zendesk?: { url: string; email: string; apiToken: string };
  jira?: { url: string; email: string; apiToken: string };
  servicenow?: { url: string; user: string; password: string };
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
// A base URL with or without its trailing slash: the paths the adapters build start with one.
const base = (url: string) => url.replace(/\/+$/, '');

/**
 * Each system's own basic auth: Zendesk's API token as `{email}/token` with the token as the
 * password, Jira Cloud's API token with the account's email, ServiceNow's user and password.
 */
export function targetsFrom(settings: TargetSettings): Targets {
  const { zendesk, jira, servicenow } = settings;
  return {
    ...(zendesk ? { zendesk: { baseUrl: base(zendesk.url), authorization: basic(`${zendesk.email}/token`, zendesk.apiToken) } } : {}),
    ...(jira ? { jira: { baseUrl: base(jira.url), authorization: basic(jira.email, jira.apiToken) } } : {}),
    ...(servicenow ? { servicenow: { baseUrl: base(servicenow.url), authorization: basic(servicenow.user, servicenow.password) } } : {}),
  };
}
