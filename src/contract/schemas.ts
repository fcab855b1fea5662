import type { components } from './types.gen';

// Bodies as openapi.yaml defines them (types.gen.ts is generated from it by `npm run gen:types`),
// by their schema names: routes declare their bodies with `satisfies` so that the compiler holds
// them to the contract, and the diagnosis page (src/web/page) reads the API through the same types.
type Schemas = components['schemas'];
export type Annotation = Schemas['Annotation'];
export type ArticleList = Schemas['ArticleList'];
export type ArticleResponse = Schemas['ArticleResponse'];
export type AppliesTo = Schemas['product'];
export type Candidate = Schemas['Candidate'];
export type ConfigurationFile = Schemas['ConfigurationFile'];
export type Conflict = Schemas['Conflict'];
export type Delivery = Schemas['Delivery'];
export type DeliveryAttempt = Schemas['DeliveryAttempt'];
export type DeliveryReceipt = Schemas['DeliveryReceipt'];
export type Derivation = Schemas['Derivation'];
export type DiagnoseResponse = Schemas['DiagnoseResponse'];
export type Diagnosis = Schemas['Diagnosis'];
export type Evidence = Schemas['Evidence'];
export type FactDefinition = Schemas['FactDefinition'];
export type FactList = Schemas['FactList'];
export type Health = Schemas['Health'];
export type InputFacts = Schemas['InputFacts'];
export type OutOfScope = Schemas['OutOfScope'];
/** The RFC 9457 body of a refusal, as the contract describes it. */
export type ProblemBody = Schemas['Problem'];
export type Question = Schemas['Question'];
export type Ready = Schemas['Ready'];
export type Source = Schemas['Source'];
export type WorkaroundResult = Schemas['WorkaroundResult'];
