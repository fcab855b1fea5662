import { facts } from './facts.gen.js';

export { facts };

type Vocabulary = typeof facts;

/** A fact's name: `'natMode'`, `'exchangeVersion'`, ... (rules/facts.json). */
export type FactName = keyof Vocabulary;

/** One of a fact's allowed values; for an `ip-address` fact, which has none listed, any address. */
export type AllowedValue<N extends FactName> = Vocabulary[N] extends { values: readonly { value: infer V }[] } ? V : string;

/** What a fact is sent as: a `string-list` fact as a list of its values, any other as one value. */
export type FactValue<N extends FactName> = Vocabulary[N]['type'] extends 'string-list' ? AllowedValue<N>[] : AllowedValue<N>;

/**
 * What a caller knows of an environment, by fact name; every fact is optional, and `null` says
 * "asked, but not known" (the service then never asks for it). A misspelt name or value does not
 * compile.
 */
export type Facts = { [N in FactName]?: FactValue<N> | null };

/** Any fact's value. */
export type AnyFactValue = { [N in FactName]: FactValue<N> }[FactName];
