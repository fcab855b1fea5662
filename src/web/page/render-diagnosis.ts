import type { Candidate, Diagnosis, Evidence, Source, WorkaroundResult } from './api.js';
import { h } from './dom.js';
import type { Vocabulary } from './vocabulary.js';

/** Builds the form that fetches a workaround's configuration file (see artifact-form.ts). */
export type ArtifactForm = (workaround: WorkaroundResult) => HTMLElement;

const OPERATORS: Record<Evidence['operator'], string> = {
  equal: 'is',
  notEqual: 'is not',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'includes',
  doesNotContain: 'does not include',
};

// Workarounds are shown in groups, in this order: what the engineer can do first comes first.
const WORKAROUND_GROUPS: [applicable: boolean | null, heading: string][] = [
  [true, 'Workarounds that apply'],
  [null, 'Workarounds that depend on something not known yet'],
  [false, 'Workarounds that do not apply'],
];

/** A confirmed diagnosis: cause, workarounds that apply, do not apply or are not known yet, evidence, articles. */
export function diagnosisView(diagnosis: Diagnosis, vocabulary: Vocabulary, artifactForm: ArtifactForm): HTMLElement {
  return h(
    'article',
    { class: 'diagnosis', 'data-diagnosis-id': diagnosis.id },
    h('h3', {}, diagnosis.title),
    h('p', { class: 'article-links' }, 'From ', articleLink(diagnosis.article), diagnosis.agreesWith?.length ? [', which ', diagnosis.agreesWith.map((a, i) => [i ? ' and ' : '', articleLink(a.article)]), ' also says'] : null),
    h('h4', {}, 'Cause'),
    h('p', {}, diagnosis.cause.text),
    WORKAROUND_GROUPS.map(([applicable, heading]) => {
      const workarounds = diagnosis.workarounds.filter((w) => w.applicable === applicable);
      return workarounds.length ? [h('h4', {}, heading), h('ul', { class: 'workarounds' }, workarounds.map((w) => workaroundView(w, vocabulary, artifactForm)))] : null;
    }),
    h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'), evidenceTable(diagnosis.evidence, vocabulary)),
  );
}

function workaroundView(workaround: WorkaroundResult, vocabulary: Vocabulary, artifactForm: ArtifactForm): HTMLElement {
  const state = String(workaround.applicable);
  if (workaround.applicable === false) {
    return h(
      'li',
      { class: 'workaround excluded', 'data-workaround-id': workaround.id, 'data-applicable': state },
      h('strong', {}, workaround.title),
      h('p', { class: 'reason' }, h('span', { class: 'badge no' }, 'Does not apply'), ' ', workaround.reason ?? ''),
      workaround.reasonSource ? sourceView(workaround.reasonSource) : null,
    );
  }
  return h(
    'li',
    { class: 'workaround', 'data-workaround-id': workaround.id, 'data-applicable': state },
    h('strong', {}, workaround.title),
    workaround.applicable === null ? h('p', { class: 'reason' }, h('span', { class: 'badge open' }, 'Not known yet'), ` Depends on: ${vocabulary.nameList(workaround.missingFacts)}.`) : null,
    h('ol', { class: 'steps' }, workaround.steps.map((step) => h('li', {}, step.text, step.derived ? h('span', { class: 'derived', title: step.derived }, ' (derived)') : null))),
    workaround.caveats.length ? [h('p', { class: 'caveats-title' }, 'Caveats'), h('ul', { class: 'caveats' }, workaround.caveats.map((caveat) => h('li', {}, caveat.text)))] : null,
    workaround.artifact ? artifactForm(workaround) : null,
    sourceView(workaround.source),
  );
}

function evidenceTable(evidence: Evidence[], vocabulary: Vocabulary): HTMLElement {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Fact'), h('th', { scope: 'col' }, 'Condition'), h('th', { scope: 'col' }, 'You said'), h('th', { scope: 'col' }, 'Source'))),
    h(
      'tbody',
      {},
      evidence.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, vocabulary.name(e.fact)),
          h('td', {}, `${OPERATORS[e.operator]} ${vocabulary.label(e.fact, e.expected)}`),
          h('td', {}, e.observed === undefined ? '—' : vocabulary.label(e.fact, e.observed)),
          h('td', {}, sourceView(e.source), e.derived ? h('p', { class: 'derived' }, `Derived: ${e.derived}`) : null),
        ),
      ),
    ),
  );
}

function sourceView(source: Source): HTMLElement {
  return h('p', { class: 'source' }, source.article ? `${source.article}, ` : '', `section “${source.section}”`, source.quote ? [': ', h('q', {}, source.quote)] : null);
}

function articleLink(article: Diagnosis['article']): HTMLElement {
  return h('a', { href: article.url, rel: 'noopener', target: '_blank' }, `${article.id}: ${article.title}`);
}

/** Diagnoses that the facts so far neither confirm nor rule out, with what each still needs. */
export function undeterminedView(candidates: Candidate[], vocabulary: Vocabulary): HTMLElement | null {
  const open = candidates.filter((c) => c.status === 'undetermined');
  if (!open.length) return null;
  return h(
    'details',
    { class: 'undetermined' },
    h('summary', {}, `Still possible (${open.length})`),
    h('ul', {}, open.map((c) => h('li', { 'data-candidate-id': c.id }, articleLink(c.article), ` — ${c.title}; needs: ${vocabulary.nameList(c.missingFacts)}`))),
  );
}
