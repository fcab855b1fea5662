import { Engine, type RuleResult } from 'json-rules-engine';
import type { Facts } from '../facts/normalize';
import { conditionTrees, type ConditionTree } from '../kb/condition-trees';
import type { KnowledgeBase } from '../kb/load';
import type { AppliesTo, Caveat, Diagnosis, Source, Statement, TopCondition, Workaround } from '../kb/model';
import { compileCondition, compileTruth, type CompiledCondition, type CompiledTruth } from './compile';
import { evaluate, groupNode, summarize, type Evaluation, type Evidence, type Truth } from './evaluate';
import { engineRule, qualify, ruleName } from './rules';

/**
 * What the facts make of a diagnosis. `likely`: it holds, but the article calls the cause likely
 * and what would confirm it is missing; `out-of-scope`: its conditions do not fail, but the
 * caller's versions are outside what the article (or a later document) speaks for.
 */
export type CandidateStatus = 'confirmed' | 'likely' | 'ruled-out' | 'undetermined' | 'out-of-scope';

/** The article a finding comes from, as a reader follows it: its id, title and address. */
export type ArticleRef = { id: string; title: string; url: string };

/** A caveat as answered: with `concerns` when it depends on the environment (null: facts not given). */
export interface CaveatFinding extends Statement {
  concerns?: Truth;
}

/**
 * A workaround of a confirmed or likely diagnosis, with whether it applies to the environment
 * given and why not when it does not.
 */
export interface WorkaroundFinding {
  id: string;
  title: string;
  steps: Statement[];
  caveats: CaveatFinding[];
  details?: Record<string, unknown>;
  applicable: Truth;
  reason?: string;
  reasonSource?: Source;
  artifact?: { fileName: string; href: string };
  missingFacts?: string[];
  evidence: Evidence[];
  source: Source;
  derived?: string;
}

/** Whether the caller's versions are ones the article speaks for, and the evidence. */
export interface ScopeFinding {
  status: 'in-scope' | 'out-of-scope' | 'undetermined';
  /** The products and versions the article (per revision) applies to; an entry without versions names none. */
  appliesTo: AppliesTo[];
  /** The scope conditions evaluated: the article's applies-to and the bounds of later documents. */
  evidence: Evidence[];
}

/**
 * A diagnosis that holds (confirmed) or holds but for its confirmation (likely), with its cause,
 * workarounds and the evidence for it.
 */
export interface DiagnosisFinding {
  id: string;
  status: 'confirmed' | 'likely';
  title: string;
  article: ArticleRef;
  cause: { text: string; statements: Statement[] };
  workarounds: WorkaroundFinding[];
  evidence: Evidence[];
  scope: ScopeFinding;
  /** For `likely`: the article's words for how likely the cause is. */
  likely?: Statement;
  /** Present when reading the article's statement as this diagnosis is itself an inference. */
  derived?: string;
  /** Diagnoses of other articles that also hold and that this one supersedes. */
  agreesWith?: { id: string; article: ArticleRef }[];
}

/** A diagnosis whose article does not speak for the caller's versions, though its conditions do not fail. */
export interface OutOfScopeFinding {
  id: string;
  status: 'out-of-scope';
  title: string;
  article: ArticleRef;
  /** Whether its conditions hold, or are not all known. */
  conditions: 'hold' | 'undetermined';
  scope: ScopeFinding;
  /** The scope conditions that fail, each with its source. */
  reasons: Evidence[];
}

/** Every diagnosis of the knowledge base with what the facts say of it. */
export interface Candidate {
  id: string;
  title: string;
  article: ArticleRef;
  status: CandidateStatus;
  /** The diagnosis's conditions and scope together, as one `all`. */
  evaluation: Evaluation;
  /** The conditions alone. */
  conditionEvaluation: Evaluation;
  /** The scope alone (an empty `all` when the diagnosis has none). */
  scopeEvaluation: Evaluation;
  /** Qualified ids of the diagnoses this one supersedes when both hold. */
  supersedes: string[];
}

/** A workaround of a reported diagnosis whose applicability depends on facts not given. */
export interface PendingWorkaround {
  id: string;
  diagnosisId: string;
  evaluation: Evaluation;
}

/**
 * What the engine makes of one set of facts: the diagnoses that hold, those the articles do not
 * cover, and every candidate with its status.
 */
export interface DiagnosisReport {
  /** Confirmed and likely diagnoses, ordered by article id, then by their order in the article. */
  diagnoses: DiagnosisFinding[];
  /** Diagnoses that hold but whose article does not cover the caller's versions, in the same order. */
  outOfScope: OutOfScopeFinding[];
  /** All diagnoses in the same order, with their status. */
  candidates: Candidate[];
  pendingWorkarounds: PendingWorkaround[];
}

/**
 * How the rules are evaluated: `compiled` (the default) runs the conditions compiled into
 * closures; `engine` runs json-rules-engine, the reference semantics the compiled form is held
 * to by a differential test.
 */
export type EvaluationMode = 'compiled' | 'engine';

/** A condition tree ready to evaluate: compiled once, and named as the json-rules-engine rule it also is. */
interface Tree {
  rule: string;
  conditions: TopCondition;
  truth: CompiledTruth;
  result: CompiledCondition;
}

/** What a diagnosis needs at every call, worked out once per knowledge base. */
interface Plan {
  id: string;
  title: string;
  article: ArticleRef;
  diagnosis: Diagnosis;
  appliesTo: AppliesTo[];
  conditions: Tree;
  scope?: Tree | undefined;
  confirmation?: Tree & { likely: Statement };
  supersedes: string[];
  workarounds: { id: string; workaround: Workaround; applicability?: Tree | undefined; caveats: (Caveat & { test?: Tree | undefined })[] }[];
}

/** Reads one call's facts against the trees: the compiled closures, or json-rules-engine's results. */
interface Reading {
  truth(tree: Tree): Truth;
  evaluation(tree: Tree): Evaluation;
}

const NO_SCOPE: Evaluation = { value: true, evidence: [], missingFacts: [], failed: [], tree: { kind: 'all', value: true, children: [] } };

/**
 * Diagnoses facts against one knowledge base. What it evaluates is built once, here, and reused
 * for every call: every condition tree compiled into closures. The json-rules-engine Engine is
 * built only in the `engine` mode, the reference the compiled form is tested against.
 */
export class Diagnoser {
  private readonly plans: Plan[] = [];
  private engine?: Engine;

  constructor(
    readonly kb: KnowledgeBase,
    /** Told of the reported diagnoses of every call (metrics count them by article). */
    private readonly observe: (diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]) => void = () => {},
    readonly mode: EvaluationMode = 'compiled',
  ) {
    const trees: Tree[] = [];
    for (const article of kb.articles) {
      const articleRef = { id: article.id, title: article.title, url: article.url };
      const byOwner = new Map<string, Tree>();
      for (const entry of conditionTrees(article, kb.bounds)) {
        const tree = compileTree(entry);
        trees.push(tree);
        byOwner.set(`${entry.role}:${entry.owner}`, tree);
      }
      for (const diagnosis of article.diagnoses) {
        const id = qualify(article.id, diagnosis.id);
        const confirmation = byOwner.get(`confirmation:${id}`);
        this.plans.push({
          id,
          title: diagnosis.title,
          article: articleRef,
          diagnosis,
          appliesTo: article.appliesTo,
          conditions: byOwner.get(`diagnosis:${id}`)!,
          scope: byOwner.get(`scope:${id}`),
          ...(confirmation ? { confirmation: { ...confirmation, likely: diagnosis.confirmation!.likely } } : {}),
          supersedes: diagnosis.supersedes?.map((e) => e.diagnosis) ?? [],
          workarounds: diagnosis.workarounds.map((workaroundId) => {
            const workaround = article.workarounds.find((w) => w.id === workaroundId) as Workaround;
            const qualified = qualify(article.id, workaround.id);
            return {
              id: qualified,
              workaround,
              applicability: byOwner.get(`applicability:${qualified}`),
              caveats: (workaround.caveats ?? []).map((caveat, i) => ({ ...caveat, test: byOwner.get(`caveat:${qualified}#${i}`) })),
            };
          }),
        });
      }
    }
    // Undefined facts are allowed: callers send partial facts, and evaluate() reads a missing
    // fact as unknown rather than as a failure.
    if (mode === 'engine')
      this.engine = new Engine(
        trees.map((t) => engineRule(t.rule, t.conditions)),
        { allowUndefinedFacts: true },
      );
  }

  /** Tells the observer of diagnoses answered without a call (from a cache), so that counts stay true. */
  observed(diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]): void {
    this.observe(diagnoses);
  }

  async diagnose(facts: Facts): Promise<DiagnosisReport> {
    if (this.engine) return this.report(await this.engineReading(this.engine, facts));
    return this.diagnoseNow(facts);
  }

  /** The compiled path without a promise, for callers that can use it synchronously. */
  diagnoseNow(facts: Facts): DiagnosisReport {
    return this.report({ truth: (tree) => tree.truth(facts), evaluation: (tree) => summarize(tree.result(facts)) });
  }

  private async engineReading(engine: Engine, facts: Facts): Promise<Reading> {
    const { results, failureResults } = await engine.run({ ...facts });
    const byRule = new Map<string, RuleResult>();
    for (const result of [...results, ...failureResults]) byRule.set(String(result.name), result);
    const evaluation = (tree: Tree) => {
      const result = byRule.get(tree.rule);
      if (!result) throw new Error(`json-rules-engine returned no result for rule ${tree.rule}`);
      return evaluate(tree.conditions, result.conditions as never, facts);
    };
    return { truth: (tree) => evaluation(tree).value, evaluation };
  }

  private report(reading: Reading): DiagnosisReport {
    const diagnoses: DiagnosisFinding[] = [];
    const outOfScope: OutOfScope[] = [];
    const candidates: Candidate[] = [];
    const pendingWorkarounds: PendingWorkaround[] = [];
    for (const plan of this.plans) {
      const held = reading.truth(plan.conditions);
      const inScope = plan.scope ? reading.truth(plan.scope) : true;
      const confirmed = plan.confirmation ? reading.truth(plan.confirmation) === true : true;
      const status = statusOf(held, inScope, confirmed);
      const candidate = new LazyCandidate(plan, status, reading);
      candidates.push(candidate);
      if (status === 'out-of-scope') outOfScope.push({ id: plan.id, conditions: held === true ? 'hold' : 'undetermined', candidate });
      if (status !== 'confirmed' && status !== 'likely') continue;
      const workarounds = plan.workarounds.map(({ id: workaroundId, workaround, applicability, caveats }) => {
        const evaluation = applicability && reading.evaluation(applicability);
        if (evaluation?.value === null) pendingWorkarounds.push({ id: workaroundId, diagnosisId: plan.id, evaluation });
        const caveatFindings = caveats.map(({ test, ...caveat }) => {
          // A finding says whether the caveat concerns the caller, not the condition that decides it.
          delete caveat.when;
          return test ? { ...caveat, concerns: reading.truth(test) } : caveat;
        });
        return workaroundFinding(workaroundId, workaround, evaluation, caveatFindings);
      });
      diagnoses.push(diagnosisFinding(plan, status, workarounds, candidate, reading));
    }
    const reported = withAgreement(diagnoses, candidates);
    this.observe(reported);
    const open = candidates.some((c) => c.status === 'undetermined');
    const shown = closest(withoutRelated(outOfScope, reported, candidates), reported.length > 0 || open);
    return { diagnoses: reported, outOfScope: shown.map(outOfScopeFinding), candidates, pendingWorkarounds };
  }
}

/**
 * A diagnosis found out of scope, before its finding is written: which of them are shown depends
 * only on their ids and conditions, and most are not (a diagnosis for the caller's versions
 * supersedes them), so the scope evaluation each finding quotes is built for the shown ones alone.
 */
interface OutOfScope {
  id: string;
  conditions: OutOfScopeFinding['conditions'];
  candidate: LazyCandidate;
}

function outOfScopeFinding({ id, conditions, candidate }: OutOfScope): OutOfScopeFinding {
  const scope = candidate.scopeFinding();
  return { id, status: 'out-of-scope', title: candidate.title, article: candidate.article, conditions, scope, reasons: scope.evidence.filter((e) => e.result === false) };
}

function compileTree(entry: ConditionTree): Tree {
  return { rule: ruleName(entry), conditions: entry.tree, truth: compileTruth(entry.tree), result: compileCondition(entry.tree) };
}

/**
 * Conditions first: a diagnosis whose conditions fail is ruled out, whatever the versions. Then
 * the scope: versions outside it make it out of scope, however the other facts stand. A version
 * not given leaves it undetermined (a question, never an assumption).
 */
function statusOf(held: Truth, inScope: Truth, confirmed: boolean): CandidateStatus {
  if (held === false) return 'ruled-out';
  if (inScope === false) return 'out-of-scope';
  if (held === null || inScope === null) return 'undetermined';
  return confirmed ? 'confirmed' : 'likely';
}

/**
 * A candidate whose result trees are built only when read: questions read the undetermined ones,
 * ?include=candidates all of them, and most calls read none of the ruled-out ones.
 */
class LazyCandidate implements Candidate {
  readonly id: string;
  readonly title: string;
  readonly article: ArticleRef;
  readonly supersedes: string[];
  private conditions?: Evaluation;
  private scope?: Evaluation;
  private combined?: Evaluation;

  constructor(
    private readonly plan: Plan,
    readonly status: CandidateStatus,
    private readonly reading: Reading,
  ) {
    this.id = plan.id;
    this.title = plan.title;
    this.article = plan.article;
    this.supersedes = plan.supersedes;
  }

  get conditionEvaluation(): Evaluation {
    return (this.conditions ??= this.reading.evaluation(this.plan.conditions));
  }

  get scopeEvaluation(): Evaluation {
    return (this.scope ??= this.plan.scope ? this.reading.evaluation(this.plan.scope) : NO_SCOPE);
  }

  get evaluation(): Evaluation {
    if (!this.plan.scope) return this.conditionEvaluation;
    return (this.combined ??= summarize(groupNode('all', [this.conditionEvaluation.tree, this.scopeEvaluation.tree])));
  }

  scopeFinding(): ScopeFinding {
    const { value, evidence } = this.scopeEvaluation;
    return { status: value === true ? 'in-scope' : value === false ? 'out-of-scope' : 'undetermined', appliesTo: this.plan.appliesTo, evidence };
  }
}

/**
 * Where a diagnosis that holds supersedes another that holds too (KB238390 for Outlook 2000
 * over KB291615, which sends those versions there), the superseded one is listed under
 * `agreesWith` rather than reported twice.
 */
function withAgreement(diagnoses: DiagnosisFinding[], candidates: Candidate[]): DiagnosisFinding[] {
  const reported = new Map(diagnoses.map((d) => [d.id, d]));
  const superseded = new Set<string>();
  const result = diagnoses.map((diagnosis) => {
    const over = (candidates.find((c) => c.id === diagnosis.id)?.supersedes ?? []).filter((id) => reported.has(id));
    over.forEach((id) => superseded.add(id));
    return over.length ? { ...diagnosis, agreesWith: over.map((id) => ({ id, article: reported.get(id)!.article })) } : diagnosis;
  });
  return result.filter((d) => !superseded.has(d.id));
}

/**
 * An out-of-scope diagnosis is left out when it and a diagnosis that holds or may still hold
 * supersede one another: the article for the caller's versions is then in the answer, or still
 * open (KB291615 for Outlook 2016, not KB238390, its version for Outlook 2000, 98 and 97).
 */
function withoutRelated(outOfScope: OutOfScope[], reported: DiagnosisFinding[], candidates: Candidate[]): OutOfScope[] {
  // Most reports have no diagnosis out of scope, and nothing to build the map for.
  if (outOfScope.length === 0) return outOfScope;
  const supersedes = new Map(candidates.map((c) => [c.id, c.supersedes]));
  const related = (a: string, b: string) => supersedes.get(a)!.includes(b) || supersedes.get(b)!.includes(a);
  const live = [...candidates.filter((c) => c.status !== 'ruled-out' && c.status !== 'out-of-scope').map((c) => c.id), ...reported.flatMap((d) => d.agreesWith?.map((a) => a.id) ?? [])];
  return outOfScope.filter((finding) => !live.some((id) => related(finding.id, id)));
}

/**
 * The out-of-scope diagnoses worth showing: those whose conditions hold (the situation is the
 * article's, the versions are not), or, when nothing holds, nothing is left to ask and no such
 * one exists, those whose conditions are not all known: the articles that came closest, and why
 * they do not cover the caller (e.g. every direct-RPC article, against Exchange 2019).
 */
function closest(outOfScope: OutOfScope[], somethingElse: boolean): OutOfScope[] {
  const holding = outOfScope.filter((d) => d.conditions === 'hold');
  return holding.length > 0 || somethingElse ? holding : outOfScope;
}

function diagnosisFinding(plan: Plan, status: 'confirmed' | 'likely', workarounds: WorkaroundFinding[], candidate: LazyCandidate, reading: Reading): DiagnosisFinding {
  const { diagnosis } = plan;
  const confirmation = plan.confirmation ? reading.evaluation(plan.confirmation).evidence : [];
  return {
    id: plan.id,
    status,
    title: diagnosis.title,
    article: plan.article,
    cause: { text: diagnosis.cause.map((s) => s.text).join(' '), statements: diagnosis.cause },
    workarounds,
    evidence: [...candidate.conditionEvaluation.evidence, ...confirmation],
    scope: candidate.scopeFinding(),
    ...(status === 'likely' ? { likely: plan.confirmation!.likely } : {}),
    ...(diagnosis.conditions.derived ? { derived: diagnosis.conditions.derived } : {}),
  };
}

function workaroundFinding(id: string, workaround: Workaround, applicability: Evaluation | undefined, caveats: CaveatFinding[]): WorkaroundFinding {
  const applicable = applicability ? applicability.value : true;
  const because =
    applicable === false
      ? { reason: workaround.applicability!.notApplicableReason.text, reasonSource: workaround.applicability!.notApplicableReason.source }
      : applicable === null
        ? { reason: `Depends on facts not given: ${applicability!.missingFacts.join(', ')}.`, missingFacts: applicability!.missingFacts }
        : {};
  return {
    id,
    title: workaround.title,
    steps: workaround.steps,
    caveats,
    ...(workaround.details ? { details: workaround.details } : {}),
    applicable,
    ...because,
    ...(workaround.artifact ? { artifact: { fileName: workaround.artifact, href: `/v1/artifacts/${workaround.artifact}` } } : {}),
    evidence: applicability?.evidence ?? [],
    source: workaround.source,
    ...(workaround.derived ? { derived: workaround.derived } : {}),
  };
}
