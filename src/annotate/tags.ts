import type { DiagnosisFinding } from '../engine/diagnose';
import type { Facts } from '../facts/normalize';
import type { TagScheme } from '../kb/tag-scheme';

/**
 * Stable slugs a ticketing system can file a ticket under, as the knowledge base's tag scheme
 * (rules/tags.json) says: the articles of the confirmed diagnoses (`kb291615`), then the tags of
 * each fact's values (`outlook-2003`, `nat-one-to-one`, `port-135-blocked`). Sorted, so the same
 * facts always give the same list.
 */
export function tagsFor(scheme: TagScheme, facts: Facts, diagnoses: DiagnosisFinding[]): string[] {
  const tags = new Set<string>(scheme.articles ? diagnoses.map((d) => slug(d.article.id)) : []);
  for (const entry of scheme.facts) {
    const given = facts[entry.fact];
    if (given === undefined || given === null) continue;
    for (const value of Array.isArray(given) ? given : [given]) {
      if (typeof value !== 'string' && typeof value !== 'boolean') continue;
      if (entry.except?.includes(value) || (entry.only && !entry.only.includes(value))) continue;
      const word = entry.rename?.[String(value)] ?? slug(String(value));
      for (const tag of entry.tags) tags.add(tag.replace('{value}', word));
    }
  }
  return [...tags].sort();
}

// Lower case, letters, digits and hyphens only: what Zendesk, Jira labels and ServiceNow tags all accept.
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
