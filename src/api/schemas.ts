import type { components } from './types.gen';

// Response bodies as openapi.yaml defines them (types.gen.ts is generated from it by
// `npm run gen:types`); routes declare their bodies with `satisfies` so that the compiler holds
// them to the contract.
type Schemas = components['schemas'];
export type DiagnoseResponse = Schemas['DiagnoseResponse'];
export type FactList = Schemas['FactList'];
export type ArticleList = Schemas['ArticleList'];
export type ArticleResponse = Schemas['ArticleResponse'];
export type Health = Schemas['Health'];
