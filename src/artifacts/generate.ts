import type { FieldError } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import type { Workaround } from '../kb/model';
import { checkPorts, type PortRange } from './ports';
import { profileFile } from './profile-file';
import { registryFile } from './registry-file';

export interface Artifact {
  fileName: string;
  mediaType: string;
  content: Buffer;
  /** The workaround it implements, as <article id>.<workaround id>. */
  workaround: string;
}

export type ArtifactResult = { ok: true; artifact: Artifact } | { ok: false; errors: FieldError[] };

export const ARTIFACTS = ['exchange-static-ports.reg', 'exchange-2000-2003-static-ports.reg', 'outlook-static-ports.prf'] as const;
export type ArtifactName = (typeof ARTIFACTS)[number];

interface Details {
  registry?: { hive: string; key: string; value?: string; setting?: string; optional?: boolean }[];
  profile?: { template: string; keys: { name: string }[] };
  recommendedPortRange?: PortRange;
  avoidPortRange?: PortRange;
}

/** The settings a file takes, as query parameter names (directoryPort, tcpExchangePort, ...). */
export function artifactSettings(kb: KnowledgeBase, name: ArtifactName): { required: string[]; optional: string[] } {
  const { details } = source(kb, name);
  if (name.endsWith('.reg')) {
    const entries = (details.registry ?? []).filter((r) => r.setting);
    return { required: entries.filter((r) => !r.optional).map((r) => r.setting!), optional: entries.filter((r) => r.optional).map((r) => r.setting!) };
  }
  const keys = (details.profile?.keys ?? []).map((k) => settingName(k.name));
  // The server's ports, to check the profile against: serverExchangePort for tcpExchangePort, and so on.
  return { required: [], optional: [...keys, ...keys.filter((k) => k.startsWith('tcp')).map((k) => `server${k.slice(3)}`)] };
}

/**
 * Builds a configuration file from the workaround that calls for it, with the chosen ports,
 * after checking them as the articles advise. The keys, values and template come from the
 * knowledge base, not from code.
 */
export function generateArtifact(kb: KnowledgeBase, name: ArtifactName, requested: Record<string, number>): ArtifactResult {
  let ports = requested;
  const { details, id } = source(kb, name);
  const settings = artifactSettings(kb, name);
  const errors: FieldError[] = settings.required.filter((s) => ports[s] === undefined).map((s) => ({ pointer: `#/query/${s}`, detail: 'is required' }));
  const server = pick(ports, /^server/);
  ports = Object.fromEntries(Object.entries(ports).filter(([k]) => !k.startsWith('server')));
  if (name === 'outlook-static-ports.prf' && Object.keys(ports).length === 0) {
    errors.push({ pointer: '#/query', detail: 'choose at least one port setting', allowed: settings.optional });
  }
  // KB833799: "The port setting you use must be the same as the port setting that is configured
  // on your Exchange server." When the caller gives the server's ports too, they must agree.
  for (const [setting, port] of Object.entries(server)) {
    const key = `tcp${setting.slice('server'.length)}`;
    if (ports[key] !== port) {
      errors.push({ pointer: `#/query/${key}`, detail: `must be ${port}, the port configured on the Exchange server (${setting}): the profile's ports must be the server's (KB833799)` });
    }
  }
  // The TCP and HTTP variants of a profile address the same services, so each group is checked on its own.
  const groups = name === 'outlook-static-ports.prf' ? [pick(ports, /^tcp/), pick(ports, /^http/)] : [ports];
  const cited = (range?: PortRange) => range && { ...range, source: { ...range.source, article: range.source.article ?? id.split('.')[0] } };
  for (const group of groups) errors.push(...checkPorts(group, { recommended: cited(details.recommendedPortRange), avoid: cited(details.avoidPortRange) }));
  if (errors.length) return { ok: false, errors };

  if (name.endsWith('.reg')) {
    const values = (details.registry ?? [])
      .filter((r) => r.setting && ports[r.setting] !== undefined)
      .map((r) => ({ hive: r.hive, key: r.key, value: r.value!, data: ports[r.setting!] }));
    return { ok: true, artifact: { fileName: name, mediaType: 'text/plain; charset=utf-16le', content: registryFile(values), workaround: id } };
  }
  const byKey = Object.fromEntries(Object.entries(ports).map(([setting, port]) => [keyName(setting), port]));
  return { ok: true, artifact: { fileName: name, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(profileFile(details.profile!.template, byKey), 'utf8'), workaround: id } };
}

function source(kb: KnowledgeBase, name: ArtifactName): { workaround: Workaround; details: Details; id: string } {
  for (const article of kb.articles) {
    const workaround = article.workarounds.find((w) => w.artifact === name);
    if (workaround) return { workaround, details: (workaround.details ?? {}) as Details, id: `${article.id}.${workaround.id}` };
  }
  throw new Error(`no workaround in the knowledge base produces ${name}`);
}

const settingName = (key: string) => key.replace(/^(TCP|HTTP)/, (m) => m.toLowerCase());
const keyName = (setting: string) => setting.replace(/^(tcp|http)/, (m) => m.toUpperCase());
const pick = (ports: Record<string, number>, prefix: RegExp) => Object.fromEntries(Object.entries(ports).filter(([k]) => prefix.test(k)));
