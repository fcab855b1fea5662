import type { KnowledgeBase } from '../kb/load';
import { isFactCondition, type Article, type Condition, type FactCondition, type Source } from '../kb/model';

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
  }
  for (const article of kb.articles) out.push(...articleSection(article));
  out.push('## Derived facts (rules/facts.json)', '');
  for (const fact of kb.vocabulary.derivable) {
    for (const d of fact.derivations!) {
      const when = Object.entries(d.when).map(([name, values]) => `${name} ∈ {${values.join(', ')}}`).join(' and ');
      out.push(`- \`${fact.name}\` = ${JSON.stringify(d.value)} when ${when}${d.implied ? ' (implied by the stated fact)' : ''}: ${d.because}${d.source ? ` — ${cite(d.source)}` : ' — **derived**, no source sentence'}`);
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
    out.push(`- ${entry.product}${entry.versions ? ` ${entry.versions.join(', ')}` : entry.fact ? ': **names no versions**' : ''}${entry.fact ? ` (fact \`${entry.fact}\`)` : ''} — ${cite(entry.source)}${entry.derived ? ` — **derived**: ${entry.derived}` : ''}`);
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
  for (const workaround of article.workarounds.filter((w) => w.applicability)) {
    out.push(`### Workaround \`${workaround.id}\` applies when`, '', ...conditionTable(workaround.applicability!.conditions));
    out.push(`Otherwise: ${workaround.applicability!.notApplicableReason.text} — ${cite(workaround.applicability!.notApplicableReason.source)}`, '');
  }
  const derived = derivedStatements(article);
  out.push(`### Derived in ${article.id} (${derived.length})`, '');
  out.push(...(derived.length ? derived.map(([pointer, text]) => `- \`${pointer}\`: ${text}`) : ['- none']), '');
  return out;
}

function conditionTable(tree: Condition): string[] {
  const rows = ['| condition | source | derived |', '|---|---|---|'];
  const visit = (node: Condition, depth: number) => {
    const indent = '&nbsp;&nbsp;'.repeat(depth);
    if (isFactCondition(node)) {
      rows.push(`| ${indent}${describe(node)} | ${cite(node.source)} | ${node.derived ? escape(node.derived) : ''} |`);
      return;
    }
    const kind = 'all' in node ? 'all' : 'any' in node ? 'any' : 'not';
    rows.push(`| ${indent}**${kind}** | | ${node.derived ? escape(node.derived) : ''} |`);
    const children = 'all' in node ? node.all : 'any' in node ? node.any : [node.not];
    children.forEach((child) => visit(child, depth + 1));
  };
  visit(tree, 0);
  return [...rows, ''];
}

const OPERATORS: Record<FactCondition['operator'], string> = { equal: '=', notEqual: '≠', in: '∈', notIn: '∉', contains: 'contains', doesNotContain: 'does not contain' };

function describe(condition: FactCondition): string {
  const value = Array.isArray(condition.value) ? `{${condition.value.join(', ')}}` : String(condition.value);
  return `\`${condition.fact}\` ${OPERATORS[condition.operator]} ${escape(value)}${condition.standsFor ? ` (stands for \`${condition.standsFor}\`)` : ''}`;
}

function cite(source: Source): string {
  const where = [source.article, source.section ? `“${source.section}”` : undefined, source.paragraph ? `paragraph ${source.paragraph}` : undefined, source.revisions ? `revision ${source.revisions.join(', ')}` : undefined]
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
