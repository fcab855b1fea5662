import type { FactDefinition } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import type { JsonSchema } from './tool-schemas';

/** The JSON type each kind of fact is sent as. */
const JSON_TYPE: Record<FactDefinition['type'], string> = { string: 'string', 'ip-address': 'string', boolean: 'boolean', 'string-list': 'array' };

/**
 * The `facts` argument as a model needs it: one property per fact of the vocabulary being served
 * (what GET /v1/facts lists), each with its JSON type, its allowed values where it has a set,
 * null for "asked, but not known", and its description. The contract leaves fact names and values
 * to the knowledge base, so its InputFacts takes any name; a model given that has to guess.
 *
 * `factValue` is the contract's FactValue schema: each fact takes the branch of its JSON type, with
 * the bounds the contract sets (an address's length, a list's), narrowed to the fact's values.
 */
export function factsArgument(vocabulary: Vocabulary, factValue: JsonSchema): JsonSchema {
  const branches = (factValue.oneOf ?? []) as JsonSchema[];
  const properties = Object.fromEntries(vocabulary.facts.map((fact) => [fact.name, factSchema(fact, branches)]));
  return { type: 'object', properties, additionalProperties: false };
}

function factSchema(fact: FactDefinition, branches: JsonSchema[]): JsonSchema {
  const type = JSON_TYPE[fact.type];
  const branch = branches.find((b) => b.type === type);
  // A fact the contract cannot carry would be refused on every call: a knowledge base out of step with openapi.yaml.
  if (!branch) throw new Error(`openapi.yaml's FactValue takes no ${type}, which the fact ${fact.name} is`);
  const values = fact.values?.map((v) => v.value);
  const description = fact.description.replace(/\s+/g, ' ').trim();
  // A fact with a set of values is that set (the contract's length bound says nothing more); a
  // free-form one (an address) keeps the contract's bounds.
  if (type === 'array') return { ...branch, type: ['array', 'null'], ...(values ? { items: { type: 'string', enum: values } } : {}), description };
  return values ? { type: [type, 'null'], enum: [...values, null], description } : { ...branch, type: [type, 'null'], description };
}
