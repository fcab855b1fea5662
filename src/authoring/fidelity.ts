import type { KnowledgeBase } from '../kb/load';
import { foldCondition, type Place } from '../kb/condition-walk';
import type { Article, Condition, FactCondition, PortAdvice, Source, Statement, Workaround } from '../kb/model';

/**
 * The fidelity review as Markdown: per article, each diagnosis's conditions (and scope, bounds,
 * confirmation) beside the sentence that justifies them, the workarounds' applicability, and a
 * list of every statement the knowledge base marks as derived, with the reasoning. It is made
 * from rules/, so it cannot say something the rules do not.
 */
export function fidelityReport(kb: KnowledgeBase): string {
  const out: string[] = [
    '# Fidelity review',
    '',
    'Generated from `rules/` by `npm run fidelity` (CI checks it is up to date). For every article: each',
    "diagnosis's conditions beside the sentence of the stored source text (`rules/sources/`) that",
    'justifies them, its scope (the versions the article speaks for, and the bounds later Exchange',
    'documents set), and every statement the knowledge base marks as **derived**, with why. Quotes are',
    'checked word for word against the stored texts by `outlook-kb validate`.',
    '',
    'Reading the tables: `all`/`any`/`not` nest as indented rows; a condition that **stands for** a fact',
    'is an inference used only while that fact is not stated.',
    '',
  ];
  for (const bound of kb.bounds.values()) {
    out.push(`## Bound \`${bound.id}\``, '', bound.title, '', `Documents: ${bound.documents.map((d) => `${d.id} (${d.title}, ${d.url})`).join('; ')}.`, '');
    out.push(...conditionTable(bound.conditions));
    for (const caveat of bound.caveats ?? []) out.push(`Caveat: ${caveat.text} — ${cite(caveat.source)}`, '');
  }
  for (const article of kb.articles) out.push(...articleSection(article));
  out.push(...portAdviceSection(kb));
  out.push('## Derived facts (rules/facts.json)', '');
  for (const fact of kb.vocabulary.derivable) {
    for (const d of fact.derivations!) {
      const when = Object.entries(d.when)
        .map(([name, values]) => `${name} ∈ {${values.join(', ')}}`)
        .join(' and ');
      out.push(
        `- \`${fact.name}\` = ${JSON.stringify(d.value)} when ${when}${d.implied ? ' (implied by the stated fact)' : ''}: ${d.because}${d.source ? ` — ${cite(d.source)}` : ''}${d.derived ? ` — **derived**: ${d.derived}` : ''}`,
      );
    }
  }
  out.push('');
  return out.join('\n');
}

function articleSection(article: Article): string[] {
  const out = [`## ${article.id}: ${article.title}`, ''];
  out.push(`Revisions: ${article.revisions.map((r) => `${r.id}${r.date ? ` (${r.date})` : ''} from \`${r.seed}\`${r.part ? ` ${r.part}` : ''}`).join('; ')}.`, '');
  out.push('Applies to:', '');
  for (const entry of article.appliesTo) {
    out.push(
      `- ${entry.product}${entry.versions ? ` ${entry.versions.join(', ')}` : entry.fact ? ': **names no versions**' : ''}${entry.fact ? ` (fact \`${entry.fact}\`)` : ''}${entry.note ? `. ${entry.note}` : ''} — ${cite(entry.source)}${entry.derived ? ` — **derived**: ${entry.derived}` : ''}`,
    );
  }
  if (article.bounds?.length) out.push('', `Bounded by: ${article.bounds.map((b) => `\`${b}\``).join(', ')} (see above).`);
  out.push('');
  for (const diagnosis of article.diagnoses) {
    out.push(`### Diagnosis \`${diagnosis.id}\`: ${diagnosis.title}`, '');
    if (diagnosis.conditions.derived) out.push(`**Derived**: ${diagnosis.conditions.derived}`, '');
    out.push('Conditions:', '', ...conditionTable(diagnosis.conditions));
    if (diagnosis.scope) out.push('Scope:', '', ...conditionTable(diagnosis.scope));
    if (diagnosis.confirmation) {
      out.push('Confirmed only when (otherwise `likely`):', '', ...conditionTable(diagnosis.confirmation.conditions));
      out.push(`Likely because: ${diagnosis.confirmation.likely.text} — ${cite(diagnosis.confirmation.likely.source)}`, '');
    }
    for (const entry of diagnosis.supersedes ?? []) out.push(`Supersedes \`${entry.diagnosis}\` — ${cite(entry.source)}`, '');
    out.push('Cause:', '');
    for (const statement of diagnosis.cause) out.push(`- ${statement.text} — ${cite(statement.source)}${statement.derived ? ` — **derived**: ${statement.derived}` : ''}`);
    out.push('', `Workarounds: ${diagnosis.workarounds.map((w) => `\`${w}\``).join(', ')}.`, '');
  }
  for (const workaround of article.workarounds) out.push(...workaroundSection(workaround));
  const derived = derivedStatements(article);
  out.push(`### Derived in ${article.id} (${derived.length})`, '');
  out.push(...(derived.length ? derived.map(([pointer, text]) => `- \`${pointer}\`: ${text}`) : ['- none']), '');
  return out;
}

function workaroundSection(workaround: Workaround): string[] {
  const out = [`### Workaround \`${workaround.id}\`: ${workaround.title}`, ''];
  if (workaround.derived) out.push(`**Derived**: ${escape(workaround.derived)}`, '');
  out.push(`Source: ${cite(workaround.source)}`, '', 'Steps:', '');
  workaround.steps.forEach((step, i) => out.push(`${i + 1}. ${statement(step)}`));
  if (workaround.caveats?.length) {
    out.push('', 'Caveats:', '');
    for (const caveat of workaround.caveats) out.push(`- ${statement(caveat)}${caveat.when ? ' — concerns the caller when:' : ''}`, ...(caveat.when ? ['', ...conditionTable(caveat.when)] : []));
  }
  const details = (workaround.details ?? {}) as { registry?: RegistryDetail[]; ports?: PortDetail[]; portAdvice?: PortAdvice[] };
  if (details.registry?.length) {
    out.push('', 'Registry values:', '');
    for (const r of details.registry)
      out.push(
        `- \`${r.hive}\\${r.key}\`${r.value ? ` \`${r.value}\`` : ''}${r.type ? ` (${r.type})` : ''}: ${escape(r.purpose ?? '')} — ${cite(r.source)}${r.derived ? ` — **derived**: ${escape(r.derived)}` : ''}`,
      );
  }
  if (details.ports?.length) {
    out.push('', 'Ports:', '');
    for (const port of details.ports) out.push(`- ${port.port}/${port.protocol}: ${escape(port.purpose)} — ${cite(port.source)}`);
  }
  if (details.portAdvice?.length) {
    out.push('', 'Port advice:', '');
    for (const advice of details.portAdvice) out.push(`- ${adviceText(advice)} — ${cite(advice.source)}${advice.derived ? ` — **derived**: ${escape(advice.derived)}` : ''}`);
  }
  if (workaround.applicability) {
    out.push('', 'Applies when:', '', ...conditionTable(workaround.applicability.conditions));
    out.push(`Otherwise: ${statement(workaround.applicability.notApplicableReason)}`);
  }
  return [...out, ''];
}

/**
 * Every article's advice on choosing static ports side by side, per range, so that where they
 * disagree (a range one advises and another advises against) it is in one place.
 */
function portAdviceSection(kb: KnowledgeBase): string[] {
  const out = [
    '## Port advice across the articles',
    '',
    'Each article speaks for its own versions; a generated file refuses only what its own article advises. Where ranges overlap with opposite advice, the articles disagree:',
    '',
  ];
  const all: (PortAdvice & { article: string })[] = kb.articles.flatMap((a) =>
    a.workarounds.flatMap((w) => (w.details?.portAdvice ?? []).map((advice) => ({ ...advice, article: advice.source.article ?? a.id }))),
  );
  out.push('| article | advice | about | text |', '|---|---|---|---|');
  for (const advice of all)
    out.push(`| ${advice.article} | ${advice.advice}${advice.advice === 'consider' ? '' : ` ${advice.from}-${advice.to}`} | ${advice.concerns ?? 'exchange-services'} | ${escape(advice.text)} |`);
  out.push('', 'Disagreements:', '');
  const ranged = all.filter((a): a is Extract<typeof a, { from: number }> => a.advice !== 'consider');
  let found = 0;
  for (const [i, first] of ranged.entries()) {
    for (const second of ranged.slice(i + 1)) {
      if (first.advice === second.advice || first.from > second.to || second.from > first.to) continue;
      found += 1;
      out.push(
        `- ${first.article} advises ${first.advice === 'use' ? '' : 'against '}${first.from}-${first.to}; ${second.article} advises ${second.advice === 'use' ? '' : 'against '}${second.from}-${second.to}${(first.concerns ?? 'exchange-services') !== (second.concerns ?? 'exchange-services') ? ' (for different ports)' : ''}.`,
      );
    }
  }
  if (found === 0) out.push('- none');
  return [...out, ''];
}

interface RegistryDetail {
  hive: string;
  key: string;
  value?: string;
  type?: string;
  purpose?: string;
  source: Source;
  derived?: string;
}

interface PortDetail {
  port: number;
  protocol: string;
  purpose: string;
  source: Source;
}

function adviceText(advice: PortAdvice): string {
  const range = advice.advice === 'consider' ? 'consider (no range)' : `${advice.advice} ${advice.from}-${advice.to}`;
  return `${range}${advice.concerns === 'global-catalog' ? " (the global catalog's NSPI port)" : ''}${advice.exchangeVersions ? ` for Exchange ${advice.exchangeVersions.join(', ')}` : ''}: ${escape(advice.text)}`;
}

function statement(s: Statement): string {
  return `${escape(s.text)} — ${cite(s.source)}${s.derived ? ` — **derived**: ${escape(s.derived)}` : ''}`;
}

function conditionTable(tree: Condition): string[] {
  const rows = ['| condition | source | derived |', '|---|---|---|'];
  const indent = (depth: number) => '&nbsp;&nbsp;'.repeat(depth);
  const derived = (node: { derived?: string }) => (node.derived ? escape(node.derived) : '');
  // A group's row comes before its children's: the fold hands it their rows to follow it.
  const group =
    (kind: 'all' | 'any' | 'not') =>
    (parts: string[][], node: { derived?: string }, { depth }: Place): string[] => [`| ${indent(depth)}**${kind}** | | ${derived(node)} |`, ...parts.flat()];
  const body = foldCondition<string[]>(tree, {
    fact: (leaf, { depth }) => [`| ${indent(depth)}${describe(leaf)} | ${cite(leaf.source)} | ${derived(leaf)} |`],
    all: group('all'),
    any: group('any'),
    not: (part, node, place) => group('not')([part], node, place),
  });
  return [...rows, ...body, ''];
}

const OPERATORS: Record<FactCondition['operator'], string> = { equal: '=', notEqual: '≠', in: '∈', notIn: '∉', contains: 'contains', doesNotContain: 'does not contain' };

function describe(condition: FactCondition): string {
  const value = Array.isArray(condition.value) ? `{${condition.value.join(', ')}}` : String(condition.value);
  const how = condition.standsFor ? ` (stands for \`${condition.standsFor}\`)` : condition.untilStated ? ' (taken to hold until stated)' : '';
  return `\`${condition.fact}\` ${OPERATORS[condition.operator]} ${escape(value)}${how}`;
}

function cite(source: Source): string {
  const where = [
    source.article,
    source.section ? `“${source.section}”` : undefined,
    source.paragraph ? `paragraph ${source.paragraph}` : undefined,
    source.revisions ? `revision ${source.revisions.join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return escape(`${where}${source.quote ? `: "${source.quote}"` : ''}`);
}

/** Every `derived` in the article file, by JSON pointer. */
function derivedStatements(article: Article): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${pointer}/${i}`));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'derived' && typeof value === 'string') found.push([pointer || '/', escape(value)]);
      else walk(value, `${pointer}/${key}`);
    }
  };
  walk(article, '');
  return found;
}

const escape = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
