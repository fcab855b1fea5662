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
  const tags = new Set<string>(scheme.articles ? diagnoses.map((d) => articleTag(d.article.id)) : []);
  for (const entry of scheme.facts) {
    const given = facts[entry.fact];
    if (given === undefined || given === null) continue;
    for (const value of Array.isArray(given) ? given : [given]) {
      if (typeof value !== 'string' && typeof value !== 'boolean') continue;
      for (const tag of valueTags(entry, value)) tags.add(tag);
    }
  }
  return [...tags].sort();
}

type FactTags = TagScheme['facts'][number];

// The tags of each value of each entry of a scheme, worked out the first time a ticket has the
// value (a fact's values are the vocabulary's few): slugging and filling in the templates for
// every ticket took 1% of an annotation. At most MAX_KEPT values an entry, should a fact's values be free text.
const kept = new WeakMap<FactTags, Map<string | boolean, readonly string[]>>();
const MAX_KEPT = 256;

/** The tags `entry` gives `value`: none for a value it excepts or does not list as its only ones. */
function valueTags(entry: FactTags, value: string | boolean): readonly string[] {
  let byValue = kept.get(entry);
  if (!byValue) kept.set(entry, (byValue = new Map<string | boolean, readonly string[]>()));
  let tags = byValue.get(value);
  if (!tags) {
    const word = entry.rename?.[String(value)] ?? slug(String(value));
    tags = entry.except?.includes(value) || (entry.only && !entry.only.includes(value)) ? [] : entry.tags.map((tag) => tag.replace('{value}', word));
    if (byValue.size < MAX_KEPT) byValue.set(value, tags);
  }
  return tags;
}

// An article's tag, slugged the first time: a knowledge base has a handful of articles, and
// slugging every diagnosis of every ticket took 1% of an annotation.
const articleTags = new Map<string, string>();
const MAX_ARTICLE_TAGS = 1024;

function articleTag(id: string): string {
  let tag = articleTags.get(id);
  if (tag === undefined) {
    tag = slug(id);
    if (articleTags.size < MAX_ARTICLE_TAGS) articleTags.set(id, tag);
  }
  return tag;
}

// Lower case, letters, digits and hyphens only: what Zendesk, Jira labels and ServiceNow tags all accept.
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
