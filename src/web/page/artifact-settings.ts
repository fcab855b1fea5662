// What a configuration file's form shows for each setting, in the knowledge base's words: the
// service takes the settings as query parameters (directoryPort, tcpExchangePort); a support
// engineer reads what each port is for.

/** What the page reads of an article (GET /v1/articles/{id}): its workarounds' file settings. */
export interface ArticleSettings {
  article: { workarounds: { id: string; details?: { registry?: RegistryValue[]; profile?: Profile } }[] };
}
interface RegistryValue {
  key: string;
  value?: string;
  setting?: string;
  optional?: boolean;
  purpose: string;
}
interface Profile {
  section: string;
  families: Record<string, string>;
  keys: { name: string; setting: string; purpose: string; family: string; serverSetting?: string; serverPurpose?: string }[];
}

/** A query parameter of the file's operation, as the contract gives it. */
export interface Parameter {
  name: string;
  required?: boolean;
  description?: string;
}

/** One field of the form: the parameter it sends, its label and a line of help. */
export interface Field {
  name: string;
  label: string;
  help: string;
  required: boolean;
}

/** Fields shown together: the required ones first, then each group of optional ones under its heading. */
export interface FieldGroup {
  heading?: string;
  /** Shown unfolded: the required fields, or the first group when nothing is required. */
  open: boolean;
  fields: Field[];
}

const OPTIONAL = 'Optional settings';
const SERVER = "The Exchange server's own ports, to check the profile's against";

/** The words the knowledge base gives each setting of a workaround's file, and the group each belongs in. */
export function settingWords(settings: ArticleSettings, workaroundId: string): Map<string, { label: string; help: string; group?: string }> {
  const words = new Map<string, { label: string; help: string; group?: string }>();
  const details = settings.article.workarounds.find((w) => w.id === workaroundId)?.details;
  for (const entry of details?.registry ?? []) {
    if (entry.setting) words.set(entry.setting, { label: entry.purpose, help: `Registry value “${entry.value ?? ''}” under ${entry.key}`, ...(entry.optional ? { group: OPTIONAL } : {}) });
  }
  const profile = details?.profile;
  for (const key of profile?.keys ?? []) {
    words.set(key.setting, { label: key.purpose, help: `${key.name} in [${profile!.section}]`, group: profile!.families[key.family] ?? OPTIONAL });
    if (key.serverSetting) words.set(key.serverSetting, { label: key.serverPurpose ?? key.serverSetting, help: `When given, ${key.name} must be the same port`, group: SERVER });
  }
  return words;
}

/**
 * The form's fields: every query parameter the contract gives the file's operation (so a new one
 * needs no change here), labelled in the knowledge base's words where it has them, the required
 * ones first and the optional ones grouped.
 */
export function fieldGroups(parameters: Parameter[], words: ReturnType<typeof settingWords>): FieldGroup[] {
  const groups = new Map<string, Field[]>();
  for (const parameter of parameters) {
    const word = words.get(parameter.name);
    const field = { name: parameter.name, label: word?.label ?? parameter.description ?? parameter.name, help: word?.help ?? '', required: parameter.required === true };
    const group = field.required ? '' : (word?.group ?? OPTIONAL);
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  const ordered = [...groups].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0));
  return ordered.map(([heading, fields], i) => ({ ...(heading ? { heading } : {}), open: heading === '' || (i === 0 && !groups.has('')), fields }));
}

/** A refusal's words with each setting's name (directoryPort) replaced by its label. */
export function inWords(text: string, fields: readonly Field[]): string {
  return fields.reduce((said, field) => said.replace(new RegExp(`\\b${field.name}\\b`, 'g'), `“${field.label}”`), text);
}
