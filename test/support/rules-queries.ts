import type { Article } from '../../src/kb/model';

// Questions a test asks of the rules themselves, so that its expectation follows rules/ when an
// article is added instead of naming today's articles. Each reads the articles' JSON directly,
// apart from the code under test.

/**
 * The first article file, in name order (the order the loader checks them in), with a condition
 * whose value is or includes `value` for `fact`; as the loader names it: articles/<file>.
 */
export function firstArticleUsing(articles: Record<string, unknown>, fact: string, value: string): string | undefined {
  const uses = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(uses);
    if (node === null || typeof node !== 'object') return false;
    const { fact: name, value: expected } = node as { fact?: unknown; value?: unknown };
    if (name === fact && (expected === value || (Array.isArray(expected) && expected.includes(value)))) return true;
    return Object.values(node).some(uses);
  };
  const file = Object.keys(articles)
    .sort()
    .find((name) => uses(articles[name]));
  return file && `articles/${file}`;
}

/**
 * The port advice a configuration file for `versions` of Exchange is shown beside, as the
 * articles state it: every range or remark of another workaround (or one its own article cites
 * from another), about the Exchange services' ports, from an article whose applies-to names one
 * of the versions (or advice that names its versions itself). As [article, advice, from, to].
 */
export function adviceOnVersions(articles: readonly Article[], versions: readonly string[], ownWorkaround: string): [string, string, number | undefined, number | undefined][] {
  const rows: [string, string, number | undefined, number | undefined][] = [];
  for (const article of articles) {
    const named = article.appliesTo.filter((entry) => entry.fact === 'exchangeVersion').flatMap((entry) => entry.versions ?? []);
    for (const workaround of article.workarounds) {
      for (const advice of workaround.details?.portAdvice ?? []) {
        if (`${article.id}.${workaround.id}` === ownWorkaround && !advice.source.article) continue;
        if ((advice.concerns ?? 'exchange-services') !== 'exchange-services') continue;
        if (!(advice.exchangeVersions ?? named).some((v) => versions.includes(v))) continue;
        rows.push([advice.source.article ?? article.id, advice.advice, advice.from, advice.to]);
      }
    }
  }
  return rows;
}

/**
 * extraction.json's content without the patterns for `fact` that give `value`: for a test that
 * takes a value out of the vocabulary to see which other file the loader names, since the
 * extraction rules are checked before the lexicons and the articles.
 */
export function extractionWithout(extraction: unknown, fact: string, value: string): unknown {
  const file = extraction as { facts: Record<string, { value?: unknown }[]> };
  return { ...file, facts: { ...file.facts, [fact]: (file.facts[fact] ?? []).filter((pattern) => pattern.value !== value) } };
}
