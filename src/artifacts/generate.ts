import type { FieldError } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import type { Article, PortAdvice, Workaround } from '../kb/model';
import { exchangeVersionsOf } from '../kb/port-advice';
import { adviceComments, checkPorts, type CitedAdvice, type PortAdviceFinding } from './ports';
import { profileFile } from './profile-file';
import { registryFile } from './registry-file';
import { queryPointer } from '../contract/pointers';

interface Artifact {
  fileName: string;
  mediaType: string;
  content: Buffer;
  /** The workaround it implements, as <article id>.<workaround id>. */
  workaround: string;
}

/** A file, with what other articles advise about its ports; or why the ports were refused. */
export type ArtifactResult = { ok: true; artifact: Artifact; advice: PortAdviceFinding[] } | { ok: false; errors: FieldError[] };

/** A configuration file a workaround calls for, by its file name (rules/: a workaround's `artifact`). */
export type ArtifactName = string;

/** The configuration files the knowledge base's workarounds call for, in article order. */
export function artifactNames(kb: KnowledgeBase): ArtifactName[] {
  return kb.articles.flatMap((article) => article.workarounds.flatMap((w) => (w.artifact ? [w.artifact] : [])));
}

interface ProfileKey {
  name: string;
  setting: string;
  family: string;
  serverSetting?: string;
}

interface Details {
  registry?: { hive: string; key: string; value?: string; setting?: string; optional?: boolean; purpose?: string }[];
  profile?: { template: string; keys: ProfileKey[] };
  portAdvice?: PortAdvice[];
}

/** The settings a file takes, as query parameter names (directoryPort, tcpExchangePort, ...). */
export function artifactSettings(kb: KnowledgeBase, name: ArtifactName): { required: string[]; optional: string[] } {
  const { details } = source(kb, name);
  if (details.registry) {
    const entries = (details.registry ?? []).filter((r) => r.setting);
    return { required: entries.filter((r) => !r.optional).map((r) => r.setting!), optional: entries.filter((r) => r.optional).map((r) => r.setting!) };
  }
  const keys = details.profile?.keys ?? [];
  // The server's ports, to check the profile against: serverExchangePort for tcpExchangePort, and so on.
  return { required: [], optional: [...keys.map((k) => k.setting), ...keys.flatMap((k) => (k.serverSetting ? [k.serverSetting] : []))] };
}

/**
 * Builds a configuration file from the workaround that calls for it, with the chosen ports,
 * after checking them: what the workaround's own article advises is enforced, what other articles
 * on the same Exchange versions advise comes back with the file (and as comments in it). The
 * keys, values and template come from the knowledge base, not from code.
 */
export function generateArtifact(kb: KnowledgeBase, name: ArtifactName, requested: Record<string, number>): ArtifactResult {
  let ports = requested;
  const { details, id, article } = source(kb, name);
  const { own, others } = adviceFor(kb, article, name);
  const settings = artifactSettings(kb, name);
  // A missing port is named with what it is, in the article's words (the registry value's purpose).
  const purposeOf = (setting: string) => details.registry?.find((r) => r.setting === setting)?.purpose;
  const errors: FieldError[] = settings.required
    .filter((s) => ports[s] === undefined)
    .map((s) => ({ pointer: queryPointer(s), detail: purposeOf(s) ? `is required: ${lowerFirst(purposeOf(s)!)}` : 'is required' }));
  const profileKeys = details.profile?.keys ?? [];
  const serverSettings = new Set(profileKeys.flatMap((k) => (k.serverSetting ? [k.serverSetting] : [])));
  ports = Object.fromEntries(Object.entries(ports).filter(([k]) => !serverSettings.has(k)));
  if (details.profile && Object.keys(ports).length === 0) {
    errors.push({ pointer: queryPointer(), detail: 'choose at least one port setting', allowed: settings.optional });
  }
  // KB833799: "The port setting you use must be the same as the port setting that is configured
  // on your Exchange server." When the caller gives the server's ports too, they must agree.
  for (const { setting, serverSetting } of profileKeys) {
    const port = serverSetting === undefined ? undefined : requested[serverSetting];
    if (port !== undefined && ports[setting] !== port) {
      errors.push({
        pointer: queryPointer(setting),
        detail: `must be ${port}, the port configured on the Exchange server (${serverSetting}): the profile's ports must be the server's (${article.id})`,
      });
    }
  }
  // The variants of a profile's keys (TCP, HTTP) address the same services, so each family is checked on its own.
  const families = [...new Set(profileKeys.map((k) => k.family))];
  const groups = details.profile
    ? families.map((family) => Object.fromEntries(Object.entries(ports).filter(([setting]) => profileKeys.some((k) => k.setting === setting && k.family === family))))
    : [ports];
  const advice: PortAdviceFinding[] = [];
  for (const group of groups) {
    const checked = checkPorts(group, own, others);
    errors.push(...checked.errors);
    advice.push(...checked.advice);
  }
  if (errors.length) return { ok: false, errors };

  const comments = adviceComments(advice, article.id);
  if (details.registry) {
    const values = (details.registry ?? []).filter((r) => r.setting && ports[r.setting] !== undefined).map((r) => ({ hive: r.hive, key: r.key, value: r.value!, data: ports[r.setting!]! }));
    return { ok: true, advice, artifact: { fileName: name, mediaType: 'text/plain; charset=utf-16le', content: registryFile(values, comments), workaround: id } };
  }
  const byKey = Object.fromEntries(profileKeys.filter((k) => ports[k.setting] !== undefined).map((k) => [k.name, ports[k.setting]!]));
  const text = profileFile(details.profile!.template, byKey, comments);
  return { ok: true, advice, artifact: { fileName: name, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(text, 'utf8'), workaround: id } };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function source(kb: KnowledgeBase, name: ArtifactName): { article: Article; workaround: Workaround; details: Details; id: string } {
  for (const article of kb.articles) {
    const workaround = article.workarounds.find((w) => w.artifact === name);
    if (workaround) return { article, workaround, details: workaround.details ?? {}, id: `${article.id}.${workaround.id}` };
  }
  throw new Error(`no workaround in the knowledge base produces ${name}`);
}

/**
 * The advice a file's ports are held to (`own`: its article's own, enforced) and shown against
 * (`others`: every other article's advice on an Exchange version the file is for). An article
 * speaks for its own versions: advice on Exchange 4.0-5.5 is not shown with a file for Exchange
 * 2000/2003, and a file whose diagnoses name no Exchange versions (the Outlook profile) gets none.
 */
function adviceFor(kb: KnowledgeBase, article: Article, name: ArtifactName): { own: CitedAdvice[]; others: CitedAdvice[] } {
  const workaround = article.workarounds.find((w) => w.artifact === name)!;
  const cite = (holder: Article, advice: PortAdvice): CitedAdvice => ({ ...advice, article: advice.source.article ?? holder.id });
  const own = (workaround.details?.portAdvice ?? []).filter((a) => !a.source.article).map((a) => cite(article, a));
  const versions = exchangeVersionsOf(article, workaround.id);
  const others: CitedAdvice[] = [];
  for (const holder of kb.articles) {
    for (const other of holder.workarounds) {
      for (const advice of other.details?.portAdvice ?? []) {
        if (other === workaround && !advice.source.article) continue;
        // The files set the Exchange services' ports; advice on another server's port is not theirs.
        if ((advice.concerns ?? 'exchange-services') !== 'exchange-services') continue;
        const speaksFor = advice.exchangeVersions ?? exchangeVersionsOf(holder);
        if (speaksFor.some((v) => versions.includes(v))) others.push(cite(holder, advice));
      }
    }
  }
  return { own, others };
}
