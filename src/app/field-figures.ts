import type { FieldFigures } from '../contract/schemas';
import type { TallySum } from '../decisions/decision-log';
import type { KnowledgeBase } from '../kb/load';

type ArticleFigures = FieldFigures['articles'][number];

/** How many facts a stalled consultation stopped on are listed per article. */
const STALLED_FACTS = 5;

// An item id is `<article>.<diagnosis or workaround>`.
const articleOf = (id: string) => id.slice(0, id.indexOf('.'));

/**
 * The figures of GET /v1/stats from the counters' sums: per article of the knowledge base (and
 * any other the counters name, from an earlier revision), its diagnoses and workarounds in the
 * article's order, each with every measure (0 when not counted), and the facts its stalled
 * consultations stopped on, most first (then by name, so the order is stable).
 */
export function figuresFrom(sums: readonly TallySum[], kb: Pick<KnowledgeBase, 'articles'>): Omit<FieldFigures, 'from' | 'to' | 'kbRevision'> {
  const count = new Map<string, number>();
  const items = { article: new Set<string>(), diagnosis: new Set<string>(), workaround: new Set<string>() };
  for (const { kind, item, measure, n } of sums) {
    count.set(`${kind}\u0000${item}\u0000${measure}`, Number(n));
    if (kind === 'article' || kind === 'diagnosis' || kind === 'workaround') items[kind].add(item);
  }
  const get = (kind: string, item: string, measure: string) => count.get(`${kind}\u0000${item}\u0000${measure}`) ?? 0;

  const order = new Map<string, { diagnoses: string[]; workarounds: string[] }>();
  for (const article of kb.articles) {
    order.set(article.id, { diagnoses: article.diagnoses.map((d) => `${article.id}.${d.id}`), workarounds: article.workarounds.map((w) => `${article.id}.${w.id}`) });
  }
  // Items the served knowledge base no longer has, counted under an earlier revision.
  const extra = (kind: 'diagnoses' | 'workarounds', ids: Set<string>) => {
    for (const id of [...ids].sort()) {
      const entry = order.get(articleOf(id)) ?? { diagnoses: [], workarounds: [] };
      if (!entry[kind].includes(id)) entry[kind].push(id);
      order.set(articleOf(id), entry);
    }
  };
  extra('diagnoses', items.diagnosis);
  extra('workarounds', items.workaround);
  for (const id of items.article) if (!order.has(id)) order.set(id, { diagnoses: [], workarounds: [] });

  const articles: ArticleFigures[] = [...order.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { diagnoses, workarounds }]) => ({
      id,
      reported: get('article', id, 'reported'),
      diagnoses: diagnoses.map((d) => ({
        id: d,
        reported: get('diagnosis', d, 'reported'),
        confirmed: get('diagnosis', d, 'confirmed'),
        agreed: get('diagnosis', d, 'agreed'),
        disagreed: get('diagnosis', d, 'disagreed'),
      })),
      workarounds: workarounds.map((w) => {
        const closed = get('workaround', w, 'closed');
        const resolved = get('workaround', w, 'resolved');
        return { id: w, offered: get('workaround', w, 'offered'), resolved, closed, resolutionRate: closed > 0 ? Math.round((resolved / closed) * 1000) / 1000 : null };
      }),
      stalledOn: sums
        .filter((s) => s.kind === 'article' && s.item === id && s.measure.startsWith('stalled:'))
        .map((s) => ({ fact: s.measure.slice('stalled:'.length), count: Number(s.n) }))
        .sort((a, b) => b.count - a.count || (a.fact < b.fact ? -1 : 1))
        .slice(0, STALLED_FACTS),
    }));
  const outcomes = Object.fromEntries(
    sums
      .filter((s) => s.kind === 'log' && s.measure.startsWith('outcome:'))
      .map((s) => [s.measure.slice('outcome:'.length), Number(s.n)])
      .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
  ) as Record<string, number>;
  return { decisions: get('log', '', 'decisions'), stalled: get('log', '', 'stalled'), outcomes, articles };
}
