import type { KnowledgeBase } from '../kb/load';
import type { Source } from '../kb/model';
import { exchangeVersionsOf, placedAdvice, type PlacedAdvice } from '../kb/port-advice';
import type { Newer } from './article-age';
import type { LintFinding } from './lint';

/**
 * Warns where one article's concrete advice contradicts another's on the same Exchange versions:
 * a port range one advises using and another advises against, or a registry value they give
 * different types. The project shows such advice side by side and never settles it in the rules,
 * so the warning sets both out, with their sources, for the author to check that the texts do
 * disagree (then rules/allowances.json records it as intentional) or to correct the reading.
 * Steps in prose are not compared: what an author wants checked goes in `details`.
 */
export function contradictions(kb: KnowledgeBase, newer: Newer): LintFinding[] {
  return [...rangeContradictions(kb, newer), ...registryContradictions(kb, newer)];
}

function rangeContradictions(kb: KnowledgeBase, newer: Newer): LintFinding[] {
  const ranged = placedAdvice(kb).filter((p) => p.advice.advice !== 'consider');
  const findings: LintFinding[] = [];
  for (const use of ranged.filter((p) => p.advice.advice === 'use')) {
    for (const avoid of ranged.filter((p) => p.advice.advice === 'avoid')) {
      if (use.article === avoid.article || (use.advice.concerns ?? 'exchange-services') !== (avoid.advice.concerns ?? 'exchange-services')) continue;
      const versions = use.exchangeVersions.filter((v) => avoid.exchangeVersions.includes(v));
      const from = Math.max(use.advice.from!, avoid.advice.from!);
      const to = Math.min(use.advice.to!, avoid.advice.to!);
      if (versions.length === 0 || from > to) continue;
      const [first, second] = use.article < avoid.article ? [use, avoid] : [avoid, use];
      findings.push(
        warningOnNewer(
          newer,
          [use, avoid],
          [
            `${use.article} advises using ports ${use.advice.from}-${use.advice.to} and ${avoid.article} advises against ${avoid.advice.from}-${avoid.advice.to}: they disagree on ${from === to ? `port ${from}` : `ports ${from}-${to}`} for Exchange ${versions.join(', ')}. Side by side:`,
            sideBySide(use),
            sideBySide(avoid),
            'Check both readings against the texts. Where the texts do disagree, keep both (the answer shows them side by side; never settle it in the rules) and allow it in rules/allowances.json as intentional, saying where both are shown.',
          ],
          `${label(first)} | ${label(second)}`,
        ),
      );
    }
  }
  return findings;
}

/**
 * A contradiction between two places, filed against the one the newer article holds: the author
 * adding an article is the one to read it, and an allowance names it by `subject`.
 */
function warningOnNewer(newer: Newer, [a, b]: [Placed, Placed], message: string[], subject: string): LintFinding {
  const filed = newer(a.holder.id, b.holder.id) === a.holder.id ? a : b;
  return { level: 'warning', file: `articles/${filed.holder.id}.json`, pointer: filed.pointer, message: message.join('\n'), allowable: { check: 'advice-contradiction', subject } };
}

/** Where a piece of advice or a registry value stands: its article and the pointer into its file. */
interface Placed {
  holder: { id: string };
  pointer: string;
}

const label = (p: PlacedAdvice) => `${p.article} ${p.advice.advice} ${p.advice.from}-${p.advice.to}`;

function sideBySide(p: PlacedAdvice): string {
  const what = p.advice.advice === 'use' ? 'use' : 'avoid';
  return `  ${p.article} (${what} ${p.advice.from}-${p.advice.to}; articles/${p.holder.id}.json at ${p.pointer}): "${p.advice.text}" -- ${cite(p.advice.source)}${p.advice.derived ? ` [derived: ${p.advice.derived}]` : ''}`;
}

function cite(source: Source): string {
  const where = source.section ? `section "${source.section}"` : source.paragraph !== undefined ? `paragraph ${source.paragraph}` : 'source';
  return `${source.article ? `${source.article}, ` : ''}${where}${source.quote ? `: "${source.quote}"` : ''}`;
}

interface RegistryEntry {
  hive: string;
  key: string;
  value?: string;
  type?: string;
  source: Source;
}

/** Registry values two articles name alike (letter case aside) but give different types. */
function registryContradictions(kb: KnowledgeBase, newer: Newer): LintFinding[] {
  const entries = kb.articles.flatMap((holder) =>
    holder.workarounds.flatMap((workaround, i) =>
      ((workaround.details?.registry ?? []) as RegistryEntry[]).map((entry, j) => ({
        entry,
        holder,
        article: entry.source.article ?? holder.id,
        pointer: `/workarounds/${i}/details/registry/${j}`,
        versions: exchangeVersionsOf(holder, workaround.id),
        name: `${entry.hive}\\${entry.key}${entry.value ? `\\${entry.value}` : ''}`,
      })),
    ),
  );
  const findings: LintFinding[] = [];
  entries.forEach((a, i) => {
    for (const b of entries.slice(i + 1)) {
      if (a.article === b.article || !a.entry.type || !b.entry.type || a.entry.type === b.entry.type) continue;
      if (a.name.toLowerCase() !== b.name.toLowerCase()) continue;
      if (a.versions.length && b.versions.length && !a.versions.some((v) => b.versions.includes(v))) continue;
      const [first, second] = a.article < b.article ? [a, b] : [b, a];
      findings.push(
        warningOnNewer(
          newer,
          [a, b],
          [
            `${first.article} and ${second.article} give ${first.name} different types. Side by side:`,
            ...[first, second].map((e) => `  ${e.article} (${e.entry.type}; articles/${e.holder.id}.json at ${e.pointer}) -- ${cite(e.entry.source)}`),
            'Check both against the texts; where they do disagree, keep both and allow it in rules/allowances.json as intentional.',
          ],
          `${first.article} ${first.name} ${first.entry.type} | ${second.article} ${second.name} ${second.entry.type}`,
        ),
      );
    }
  });
  return findings;
}
