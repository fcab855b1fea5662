import { RegExpParser, type AST } from '@eslint-community/regexpp';

/**
 * The syntax tree of an expression of rules/, read as it is compiled: with the flags "gi" and no
 * "u" (so "\b" and "\w" know only ASCII).
 */
export function parseExpression(source: string): AST.Pattern {
  return new RegExpParser({ ecmaVersion: 2025 }).parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });
}

/**
 * A character of a word, in a character class an expression without "u" can use where "\b" would
 * not do: ASCII word characters, and Latin and Cyrillic letters beyond ASCII ("é", "ä", "д").
 * `(?<!${WORD_CHARACTER})` starts a word and `(?!${WORD_CHARACTER})` ends one.
 */
export const WORD_CHARACTER = String.raw`[\w\u00c0-\u024f\u0400-\u04ff]`;
