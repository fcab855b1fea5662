import { Engine, type RuleResult } from 'json-rules-engine';
import type { Facts } from '../facts/normalize';
import type { KnowledgeBase } from '../kb/load';
import type { Diagnosis, Source, Statement, Workaround } from '../kb/model';
import { compileCondition, compileTruth, type CompiledCondition, type CompiledTruth } from './compile';
import { evaluate, summarize, type Evaluation, type Evidence, type Truth } from './evaluate';
import { diagnosisRuleName, qualify, toEngineRules, workaroundRuleName } from './rules';

export type CandidateStatus = 'confirmed' | 'ruled-out' | 'undetermined';

export interface WorkaroundFinding {
  id: string;
  title: string;
  steps: Statement[];
  caveats: Statement[];
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

export interface DiagnosisFinding {
  id: string;
  status: 'confirmed';
  title: string;
  article: { id: string; title: string; url: string };
  cause: { text: string; statements: Statement[] };
  workarounds: WorkaroundFinding[];
  evidence: Evidence[];
  /** Diagnoses of other articles that also hold and that this one supersedes. */
  agreesWith?: { id: string; article: DiagnosisFinding['article'] }[];
}

/** Every diagnosis of the knowledge base with what the facts say of it. */
export interface Candidate {
  id: string;
  title: string;
  article: DiagnosisFinding['article'];
  status: CandidateStatus;
  evaluation: Evaluation;
  /** Qualified ids of the diagnoses this one supersedes when both hold. */
  supersedes: string[];
}

/** A workaround of a confirmed diagnosis whose applicability depends on facts not given. */
export interface PendingWorkaround {
  id: string;
  diagnosisId: string;
  evaluation: Evaluation;
}

export interface DiagnosisReport {
  /** Confirmed diagnoses, ordered by article id, then by their order in the article. */
  diagnoses: DiagnosisFinding[];
  /** All diagnoses in the same order, with their status. */
  candidates: Candidate[];
  pendingWorkarounds: PendingWorkaround[];
}

const statusOf = (value: Truth): CandidateStatus => (value === true ? 'confirmed' : value === false ? 'ruled-out' : 'undetermined');

/**
 * How the rules are evaluated: `compiled` (the default) runs the conditions compiled into
 * closures; `engine` runs json-rules-engine, the reference semantics the compiled form is held
 * to by a differential test.
 */
export type EvaluationMode = 'compiled' | 'engine';

/** What a diagnosis needs at every call, worked out once per knowledge base. */
interface Plan {
  id: string;
  rule: string;
  title: string;
  article: DiagnosisFinding['article'];
  diagnosis: Diagnosis;
  supersedes: string[];
  workarounds: { id: string; rule: string; workaround: Workaround }[];
}

/**
 * Diagnoses facts against one knowledge base. What it evaluates is built once, here, and reused
 * for every call: the compiled conditions and the json-rules-engine Engine, which holds no
 * per-call state (each run gets its own almanac).
 */
export class Diagnoser {
  private readonly engine: Engine;
  private readonly compiled = new Map<string, CompiledCondition>();
  private readonly truths = new Map<string, CompiledTruth>();
  private readonly plans: Plan[] = [];

  constructor(
    readonly kb: KnowledgeBase,
    /** Told of the confirmed diagnoses of every call (metrics count them by article). */
    private readonly observe: (diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]) => void = () => {},
    readonly mode: EvaluationMode = 'compiled',
  ) {
    // Both are built once per knowledge base. Undefined facts are allowed: callers send partial
    // facts, and evaluate() reads a missing fact as unknown rather than as a failure.
    this.engine = new Engine(toEngineRules(kb), { allowUndefinedFacts: true });
    const compile = (rule: string, conditions: Diagnosis['conditions']) => {
      this.compiled.set(rule, compileCondition(conditions));
      this.truths.set(rule, compileTruth(conditions));
    };
    for (const article of kb.articles) {
      const articleRef = { id: article.id, title: article.title, url: article.url };
      for (const diagnosis of article.diagnoses) {
        const id = qualify(article.id, diagnosis.id);
        compile(diagnosisRuleName(id), diagnosis.conditions);
        const workarounds = diagnosis.workarounds.map((workaroundId) => {
          const workaround = article.workarounds.find((w) => w.id === workaroundId) as Workaround;
          const qualified = qualify(article.id, workaround.id);
          return { id: qualified, rule: workaroundRuleName(qualified), workaround };
        });
        this.plans.push({ id, rule: diagnosisRuleName(id), title: diagnosis.title, article: articleRef, diagnosis, supersedes: diagnosis.supersedes?.map((e) => e.diagnosis) ?? [], workarounds });
      }
      for (const workaround of article.workarounds) {
        if (workaround.applicability) compile(workaroundRuleName(qualify(article.id, workaround.id)), workaround.applicability.conditions);
      }
    }
  }

  /** Tells the observer of diagnoses answered without a call (from a cache), so that counts stay true. */
  observed(diagnoses: readonly Pick<DiagnosisFinding, 'article'>[]): void {
    this.observe(diagnoses);
  }

  async diagnose(facts: Facts): Promise<DiagnosisReport> {
    if (this.mode === 'engine') {
      const evaluationOf = await this.engineResults(facts);
      return this.report((rule, conditions) => evaluationOf(rule, conditions).value, evaluationOf);
    }
    return this.diagnoseNow(facts);
  }

  /** The compiled path without a promise, for callers that can use it synchronously. */
  diagnoseNow(facts: Facts): DiagnosisReport {
    return this.report(
      (rule) => this.truths.get(rule)!(facts),
      (rule) => summarize(this.compiled.get(rule)!(facts)),
    );
  }

  private async engineResults(facts: Facts): Promise<(name: string, conditions: Diagnosis['conditions']) => Evaluation> {
    const { results, failureResults } = await this.engine.run({ ...facts });
    const byRule = new Map<string, RuleResult>();
    for (const result of [...results, ...failureResults]) byRule.set(String(result.name), result);
    return (name, conditions) => {
      const result = byRule.get(name);
      if (!result) throw new Error(`json-rules-engine returned no result for rule ${name}`);
      return evaluate(conditions, result.conditions as never, facts);
    };
  }

  private report(
    truthOf: (rule: string, conditions: Diagnosis['conditions']) => Truth,
    evaluationOf: (rule: string, conditions: Diagnosis['conditions']) => Evaluation,
  ): DiagnosisReport {
    const diagnoses: DiagnosisFinding[] = [];
    const candidates: Candidate[] = [];
    const pendingWorkarounds: PendingWorkaround[] = [];
    for (const plan of this.plans) {
      const { id, rule, diagnosis } = plan;
      const value = truthOf(rule, diagnosis.conditions);
      const candidate = new LazyCandidate(plan, statusOf(value), () => evaluationOf(rule, diagnosis.conditions));
      candidates.push(candidate);
      if (value !== true) continue;
      const workarounds = plan.workarounds.map(({ id: workaroundId, rule: workaroundRule, workaround }) => {
        const applicability = workaround.applicability ? evaluationOf(workaroundRule, workaround.applicability.conditions) : undefined;
        if (applicability?.value === null) pendingWorkarounds.push({ id: workaroundId, diagnosisId: id, evaluation: applicability });
        return workaroundFinding(workaroundId, workaround, applicability);
      });
      diagnoses.push(diagnosisFinding(id, plan.article, diagnosis, workarounds, candidate.evaluation.evidence));
    }
    const reported = withAgreement(diagnoses, candidates);
    this.observe(reported);
    return { diagnoses: reported, candidates, pendingWorkarounds };
  }
}

/**
 * A candidate whose result tree is built only when read: questions read the undetermined ones,
 * ?include=candidates all of them, and most calls read none of the ruled-out ones.
 */
class LazyCandidate implements Candidate {
  readonly id: string;
  readonly title: string;
  readonly article: DiagnosisFinding['article'];
  readonly supersedes: string[];
  private built?: Evaluation;

  constructor(
    plan: Plan,
    readonly status: CandidateStatus,
    private readonly build: () => Evaluation,
  ) {
    this.id = plan.id;
    this.title = plan.title;
    this.article = plan.article;
    this.supersedes = plan.supersedes;
  }

  get evaluation(): Evaluation {
    return (this.built ??= this.build());
  }
}

/**
 * Where a diagnosis that holds supersedes another that holds too (KB238390 for Outlook 2000
 * over KB291615, which sends those versions there), the superseded one is listed under
 * `agreesWith` rather than reported twice.
 */
function withAgreement(diagnoses: DiagnosisFinding[], candidates: Candidate[]): DiagnosisFinding[] {
  const confirmed = new Map(diagnoses.map((d) => [d.id, d]));
  const superseded = new Set<string>();
  const result = diagnoses.map((diagnosis) => {
    const over = (candidates.find((c) => c.id === diagnosis.id)?.supersedes ?? []).filter((id) => confirmed.has(id));
    over.forEach((id) => superseded.add(id));
    return over.length ? { ...diagnosis, agreesWith: over.map((id) => ({ id, article: confirmed.get(id)!.article })) } : diagnosis;
  });
  return result.filter((d) => !superseded.has(d.id));
}

function diagnosisFinding(
  id: string,
  article: DiagnosisFinding['article'],
  diagnosis: Diagnosis,
  workarounds: WorkaroundFinding[],
  evidence: Evidence[],
): DiagnosisFinding {
  return {
    id,
    status: 'confirmed',
    title: diagnosis.title,
    article,
    cause: { text: diagnosis.cause.map((s) => s.text).join(' '), statements: diagnosis.cause },
    workarounds,
    evidence,
  };
}

function workaroundFinding(id: string, workaround: Workaround, applicability: Evaluation | undefined): WorkaroundFinding {
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
    caveats: workaround.caveats ?? [],
    ...(workaround.details ? { details: workaround.details } : {}),
    applicable,
    ...because,
    ...(workaround.artifact ? { artifact: { fileName: workaround.artifact, href: `/v1/artifacts/${workaround.artifact}` } } : {}),
    evidence: applicability?.evidence ?? [],
    source: workaround.source,
    ...(workaround.derived ? { derived: workaround.derived } : {}),
  };
}
