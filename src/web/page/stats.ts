// The field figures page: GET /v1/stats as a small bar chart per article. Bars are SVG rects
// sized by attributes (no inline style, which the Content-Security-Policy would refuse), each
// with its count as text, so that the chart says what it shows without a colour key.
import { api, ApiProblem, type FieldFigures } from './api.js';
import { byId, fill, h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
type ArticleFigures = FieldFigures['articles'][number];

/** One bar of a chart: what it counts, its value, and the class that colours it. */
interface Bar {
  label: string;
  value: number;
  kind: string;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const ROW = 18;
const LABEL = 210;
const WIDTH = 460;

/** Horizontal bars in groups (one per diagnosis or workaround), scaled to the largest value of the article. */
function chart(groups: { title: string; bars: Bar[] }[], label: string): SVGSVGElement {
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
  const rows = groups.reduce((n, g) => n + 1 + g.bars.length, 0);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${rows * ROW + 4}`, role: 'img', 'aria-label': label, class: 'chart' });
  let y = 0;
  for (const group of groups) {
    root.append(svg('text', { x: 0, y: y + 13, class: 'chart-title' }, group.title));
    y += ROW;
    for (const bar of group.bars) {
      const width = Math.round(((WIDTH - LABEL - 40) * bar.value) / max);
      const g = svg('g', { class: `bar bar-${bar.kind}`, 'data-label': bar.label, 'data-value': bar.value });
      g.append(svg('text', { x: 12, y: y + 13 }, bar.label), svg('rect', { x: LABEL, y: y + 3, width, height: ROW - 6 }), svg('text', { x: LABEL + width + 4, y: y + 13 }, String(bar.value)));
      root.append(g);
      y += ROW;
    }
  }
  return root;
}

// An item's id without its article's: the chart sits under the article's heading.
const local = (id: string) => id.slice(id.indexOf('.') + 1);

function articleView(article: ArticleFigures): HTMLElement {
  const groups = [
    ...article.diagnoses.map((d) => ({
      title: `Diagnosis ${local(d.id)}`,
      bars: [
        { label: 'reported', value: d.reported, kind: 'reported' },
        { label: 'confirmed', value: d.confirmed, kind: 'confirmed' },
        { label: 'outcome agreed', value: d.agreed, kind: 'agreed' },
        { label: 'outcome disagreed', value: d.disagreed, kind: 'disagreed' },
      ],
    })),
    ...article.workarounds.map((w) => ({
      title: `Workaround ${local(w.id)}${w.resolutionRate === null ? '' : `: resolved ${Math.round(w.resolutionRate * 100)}% of closed`}`,
      bars: [
        { label: 'offered', value: w.offered, kind: 'offered' },
        { label: 'resolved', value: w.resolved, kind: 'resolved' },
        { label: 'closed', value: w.closed, kind: 'closed' },
      ],
    })),
  ];
  return h(
    'section',
    { class: 'article-figures', 'data-article': article.id, 'aria-labelledby': `figures-${article.id}` },
    h('h2', { id: `figures-${article.id}` }, `${article.id} `, h('span', { class: 'quiet' }, `reported in ${article.reported} decisions`)),
    chart(groups, `${article.id}: counts per diagnosis and workaround`),
    article.stalledOn.length ? h('p', { class: 'stalled' }, 'Stalled consultations stopped on: ', article.stalledOn.map((s) => `${s.fact} (${s.count})`).join(', ')) : null,
  );
}

async function show(): Promise<void> {
  const error = byId('error');
  const from = byId<HTMLInputElement>('from').value;
  const to = byId<HTMLInputElement>('to').value;
  const revision = byId<HTMLInputElement>('revision').value.trim();
  const query: Record<string, string> = {};
  if (from) query.from = `${from}T00:00:00Z`;
  if (to) query.to = `${to}T00:00:00Z`;
  if (revision) query.kbRevision = revision;
  try {
    const figures = await api.stats(query);
    error.hidden = true;
    const outcomes = Object.entries(figures.outcomes).map(([kind, n]) => `${kind} ${n}`);
    fill(byId('summary'), `${figures.decisions} decisions, ${figures.stalled} stalled; outcomes: ${outcomes.join(', ') || 'none yet'}.`);
    fill(byId('articles'), figures.articles.map(articleView));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    fill(error, problem.problem.detail);
    error.hidden = false;
  }
}

byId('filter-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void show();
});
void show();
