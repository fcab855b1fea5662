import { leavesOf } from './condition-trees';
import type { KnowledgeBase } from './load';
import type { Article, PortAdvice, Workaround } from './model';

/** A piece of port advice where the rules hold it, with what it speaks for. */
export interface PlacedAdvice {
  advice: PortAdvice;
  /** The article that gives it: the one its source cites, else the one holding it. */
  article: string;
  holder: Article;
  workaround: Workaround;
  /** Where it is in the holder's file. */
  pointer: string;
  /** The Exchange versions it speaks for: its own, else its holder's diagnoses' scope. */
  exchangeVersions: string[];
}

/** Every piece of port advice of the knowledge base, in article and file order. */
export function placedAdvice(kb: KnowledgeBase): PlacedAdvice[] {
  return kb.articles.flatMap((holder) =>
    holder.workarounds.flatMap((workaround, i) =>
      (workaround.details?.portAdvice ?? []).map((advice, j) => ({
        advice,
        article: advice.source.article ?? holder.id,
        holder,
        workaround,
        pointer: `/workarounds/${i}/details/portAdvice/${j}`,
        exchangeVersions: advice.exchangeVersions ?? exchangeVersionsOf(holder),
      })),
    ),
  );
}

/** The Exchange versions the diagnoses of an article (offering a workaround, when given) are scoped to. */
export function exchangeVersionsOf(article: Article, workaroundId?: string): string[] {
  const versions = new Set<string>();
  for (const diagnosis of article.diagnoses) {
    if (workaroundId && !diagnosis.workarounds.includes(workaroundId)) continue;
    for (const { condition } of diagnosis.scope ? leavesOf(diagnosis.scope) : []) {
      if (condition.fact !== 'exchangeVersion' || (condition.operator !== 'in' && condition.operator !== 'equal')) continue;
      (Array.isArray(condition.value) ? condition.value : [condition.value]).forEach((v) => versions.add(String(v)));
    }
  }
  return [...versions];
}
