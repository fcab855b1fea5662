import type { components } from './types.gen';

// Bodies as openapi.yaml defines them (types.gen.ts is generated from it by `npm run gen:types`),
// by their schema names: routes declare their bodies with `satisfies` so that the compiler holds
// them to the contract, and the diagnosis page (src/web/page) reads the API through the same types.
type Schemas = components['schemas'];
/** A ticket's annotation: the facts read from it, the diagnoses, the questions, tags and the note. */
export type Annotation = Schemas['Annotation'];
/** The articles of the knowledge base, each with its revisions and the diagnoses it makes. */
export type ArticleList = Schemas['ArticleList'];
/** One article as its file holds it, with the knowledge base revision it was served from. */
export type ArticleResponse = Schemas['ArticleResponse'];
/** A product and the versions an article applies to, as the article's revision names them. */
export type AppliesTo = Schemas['product'];
/** A diagnosis that was considered, with why it does not hold (yet): the conditions that fail, the facts missing. */
export type Candidate = Schemas['Candidate'];
/** A file generated for a workaround, with the other articles' advice on the ports it opens. */
export type ConfigurationFile = Schemas['ConfigurationFile'];
/** A fact the stated facts and a derivation disagree on, with the value that was used and why. */
export type Conflict = Schemas['Conflict'];
/** A recorded decision and the outcomes reported for it, as GET /v1/decisions/{id} answers. */
export type DecisionDetail = Schemas['DecisionDetail'];
/** What an agent reports after a decision: a diagnosis confirmed or rejected, the workaround that resolved it, or none. */
export type OutcomeRequest = Schemas['OutcomeRequest'];
/** An outcome as the decision log shows it. */
export type OutcomeView = Schemas['Outcome'];
/** GET /v1/stats: the field figures per article, diagnosis and workaround. */
export type FieldFigures = Schemas['FieldFigures'];
/** A write-back to a ticketing system as the deliveries API shows it. */
export type Delivery = Schemas['Delivery'];
/** One request of a delivery sent, as its history lists it. */
export type DeliveryAttempt = Schemas['DeliveryAttempt'];
/** What a webhook answers when the service writes back itself: the delivery recorded, or found already recorded. */
export type DeliveryReceipt = Schemas['DeliveryReceipt'];
/** A fact worked out from other facts, with what it came from and why. */
export type Derivation = Schemas['Derivation'];
/** What /diagnose answers: the diagnoses, those out of scope, the conflicts, the questions to ask next, the candidates and the facts used. */
export type DiagnoseResponse = Schemas['DiagnoseResponse'];
/** A diagnosis that holds, confirmed or likely, with its cause, its workarounds and the evidence for it. */
export type Diagnosis = Schemas['Diagnosis'];
/** One condition of a diagnosis, evaluated against the facts. */
export type Evidence = Schemas['Evidence'];
/** A fact of the vocabulary as rules/facts.json defines it. */
export type FactDefinition = Schemas['FactDefinition'];
/** The vocabulary: every fact a caller may state. */
export type FactList = Schemas['FactList'];
/** What /healthz answers: the service is up, and which knowledge base it serves. */
export type Health = Schemas['Health'];
/** What a caller knows of the environment, by fact name; every fact is optional. */
export type InputFacts = Schemas['InputFacts'];
/** A diagnosis whose conditions hold or may hold but whose article does not cover the caller's versions. */
export type OutOfScope = Schemas['OutOfScope'];
/** The RFC 9457 body of a refusal, as the contract describes it. */
export type ProblemBody = Schemas['Problem'];
/** A question to ask next, with the answers it can take and why it is worth asking. */
export type Question = Schemas['Question'];
/** What /readyz answers: whether the service can take requests, with its store and knowledge base. */
export type Ready = Schemas['Ready'];
/** Where an article says something: the revision, section and quote a citation points to. */
export type Source = Schemas['Source'];
/** A workaround of a diagnosis, with whether it applies to these facts and any file generated for it. */
export type WorkaroundResult = Schemas['WorkaroundResult'];
