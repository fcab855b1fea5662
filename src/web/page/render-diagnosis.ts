import type { AppliesTo, Candidate, Conflict, Derivation, Diagnosis, Evidence, OutOfScope, Source, WorkaroundResult } from './api.js';
import { h } from './dom.js';
import type { Vocabulary } from './vocabulary.js';

/** Builds the form that fetches a workaround's configuration file (see artifact-form.ts); `articleId` is the article the workaround is from. */
export type ArtifactForm = (workaround: WorkaroundResult, articleId: string) => HTMLElement;

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

/**
 * A diagnosis that holds, confirmed or likely: the article's scope, cause, workarounds that apply,
 * do not apply or are not known yet, evidence, articles. Inferences are marked "Derived".
 */
export function diagnosisView(diagnosis: Diagnosis, vocabulary: Vocabulary, artifactForm: ArtifactForm): HTMLElement {
  return h(
    'article',
    { class: `diagnosis ${diagnosis.status}`, 'data-diagnosis-id': diagnosis.id, 'data-status': diagnosis.status },
    h('h3', {}, diagnosis.status === 'likely' ? [h('span', { class: 'badge open' }, 'Likely'), ' '] : null, diagnosis.title),
    h(
      'p',
      { class: 'article-links' },
      'From ',
      articleLink(diagnosis.article),
      diagnosis.agreesWith?.length ? [', which ', diagnosis.agreesWith.map((a, i) => [i ? ' and ' : '', articleLink(a.article)]), ' also says'] : null,
    ),
    diagnosis.likely ? h('p', { class: 'likely' }, diagnosis.likely.text, sourceView(diagnosis.likely.source)) : null,
    diagnosis.derived ? derivedNote(diagnosis.derived) : null,
    h('p', { class: 'scope' }, h('strong', {}, 'Applies to: '), appliesToText(diagnosis.scope.appliesTo)),
    h('h4', {}, 'Cause'),
    h('p', {}, diagnosis.cause.text),
    WORKAROUND_GROUPS.map(([applicable, heading]) => {
      const workarounds = diagnosis.workarounds.filter((w) => w.applicable === applicable);
      return workarounds.length
        ? [
            h('h4', {}, heading),
            h(
              'ul',
              { class: 'workarounds' },
              workarounds.map((w) => workaroundView(w, vocabulary, (workaround) => artifactForm(workaround, diagnosis.article.id))),
            ),
          ]
        : null;
    }),
    h('details', { class: 'evidence' }, h('summary', {}, 'Evidence'), evidenceTable([...diagnosis.evidence, ...diagnosis.scope.evidence], vocabulary)),
  );
}

/** The articles that came closest but do not speak for the caller's versions, and why. */
export function outOfScopeView(findings: OutOfScope[], vocabulary: Vocabulary): HTMLElement | null {
  if (!findings.length) return null;
  return h(
    'section',
    { class: 'out-of-scope' },
    h('h3', {}, 'Not covered for these versions'),
    h(
      'ul',
      {},
      findings.map((f) =>
        h(
          'li',
          { 'data-out-of-scope-id': f.id },
          articleLink(f.article),
          ` — ${f.title}. `,
          h('span', { class: 'scope' }, 'Applies to: ', appliesToText(f.scope.appliesTo), '. '),
          f.reasons.map((e) =>
            h(
              'p',
              { class: 'reason' },
              h('span', { class: 'badge no' }, 'Out of scope'),
              ` ${vocabulary.name(e.fact)} ${OPERATORS[e.operator]} ${vocabulary.label(e.fact, e.expected)}; you said ${vocabulary.label(e.fact, e.observed)}.`,
              sourceView(e.source),
              e.derived ? derivedNote(e.derived) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

/** What the service derived from the facts, and where a derivation disagrees with what was said. */
export function inferencesView(derivations: Record<string, Derivation>, conflicts: Conflict[], vocabulary: Vocabulary): HTMLElement | null {
  const entries = Object.entries(derivations);
  if (!entries.length && !conflicts.length) return null;
  return h(
    'section',
    { class: 'inferences' },
    conflicts.length
      ? [
          h('h3', {}, 'Conflicting facts'),
          h(
            'ul',
            { class: 'conflicts' },
            conflicts.map((c) => h('li', { 'data-conflict': c.fact }, h('span', { class: 'badge no' }, 'Conflict'), ` ${c.detail}`)),
          ),
        ]
      : null,
    entries.length
      ? h(
          'details',
          { class: 'derived-facts' },
          h('summary', {}, `Derived from your facts (${entries.length})`),
          h(
            'ul',
            {},
            entries.map(([fact, d]) =>
              h('li', {}, h('strong', {}, `${vocabulary.name(fact)}: ${vocabulary.label(fact, d.value)}`), ' ', derivedNote(d.derived ? `${d.because} ${d.derived}` : d.because)),
            ),
          ),
        )
      : null,
  );
}

function derivedNote(text: string): HTMLElement {
  return h('p', { class: 'derived' }, h('span', { class: 'badge open' }, 'Derived'), ` ${text}`);
}

function appliesToText(entries: AppliesTo[]): string {
  return entries
    .map(
      (e) =>
        `${e.product}${e.versions ? ` ${e.versions.join(', ')}` : e.fact ? ' (no versions named)' : ''}${e.source.revisions ? ` (revision ${e.source.revisions.join(', ')})` : ''}${e.derived ? ' (derived)' : ''}`,
    )
    .join('; ');
}

function workaroundView(workaround: WorkaroundResult, vocabulary: Vocabulary, artifactForm: (workaround: WorkaroundResult) => HTMLElement): HTMLElement {
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
    workaround.derived ? derivedNote(workaround.derived) : null,
    h(
      'ol',
      { class: 'steps' },
      workaround.steps.map((step) => h('li', {}, step.text, step.derived ? h('span', { class: 'derived', title: step.derived }, ' (derived)') : null)),
    ),
    workaround.caveats.length
      ? [
          h('p', { class: 'caveats-title' }, 'Caveats'),
          h(
            'ul',
            { class: 'caveats' },
            workaround.caveats.map((caveat) =>
              h('li', { 'data-concerns': String(caveat.concerns ?? 'always') }, caveat.concerns === true ? [h('span', { class: 'badge open' }, 'Concerns you'), ' '] : null, caveat.text),
            ),
          ),
        ]
      : null,
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
          h('td', {}, sourceView(e.source), e.derived ? derivedNote(e.derived) : null, e.unused ? h('p', { class: 'quiet' }, `Not used: ${e.unused}.`) : null),
        ),
      ),
    ),
  );
}

function sourceView(source: Source): HTMLElement {
  const where = source.section ? `section “${source.section}”` : source.paragraph ? `paragraph ${source.paragraph}` : 'quoted';
  return h('p', { class: 'source' }, source.article ? `${source.article}, ` : '', where, source.quote ? [': ', h('q', {}, source.quote)] : null);
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
    h(
      'ul',
      {},
      open.map((c) => h('li', { 'data-candidate-id': c.id }, articleLink(c.article), ` — ${c.title}; needs: ${vocabulary.nameList(c.missingFacts)}`)),
    ),
  );
}
