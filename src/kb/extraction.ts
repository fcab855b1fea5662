import { KnowledgeBaseError } from './errors';
import type { Scalar } from './model';
import type { Vocabulary } from './vocabulary';

/** rules/extraction.json as written. */
export interface ExtractionFile {
  negation: { cues: string[]; window: number; clauseBreaks: string[] };
  facts: Record<string, PatternEntry[]>;
  addresses: { clauseBreaks: string[]; cues: { pattern: string; role: 'serverAddress' | 'clientAddress' }[] };
}

interface PatternEntry {
  pattern: string;
  value?: Scalar;
  valueFromGroup?: number;
  negatedValue?: Scalar;
  negatable?: boolean;
  confidence: number;
}

export interface FactPattern {
  fact: string;
  regex: RegExp;
  value?: Scalar;
  valueFromGroup?: number;
  negatedValue?: Scalar;
  negatable: boolean;
  confidence: number;
}

/** The extraction patterns, checked against the vocabulary and compiled. */
export interface Extraction {
  patterns: FactPattern[];
  negation: { cues: Set<string>; window: number; clauseBreaks: string[] };
  addresses: { clauseBreaks: string[]; cues: { regex: RegExp; role: 'serverAddress' | 'clientAddress' }[] };
}

export const EXTRACTION_FILE = 'extraction.json';

/**
 * Compiles extraction.json after checking what the schema cannot: every fact exists and is not
 * an address (addresses have their own cues), every value is one the fact can take, and every
 * pattern is a valid regular expression with the capture group it names.
 */
export function compileExtraction(file: ExtractionFile, vocabulary: Vocabulary): Extraction {
  const patterns: FactPattern[] = [];
  for (const [fact, entries] of Object.entries(file.facts)) {
    const definition = vocabulary.get(fact);
    if (!definition) throw new KnowledgeBaseError(EXTRACTION_FILE, `/facts/${fact}`, `unknown fact "${fact}"; known facts: ${vocabulary.names.join(', ')}`);
    if (definition.type === 'ip-address') throw new KnowledgeBaseError(EXTRACTION_FILE, `/facts/${fact}`, 'IP addresses are found by the address cues, not by patterns');
    const allowed = vocabulary.allowedValues(fact) ?? [];
    entries.forEach((entry, i) => {
      const pointer = `/facts/${fact}/${i}`;
      const regex = compile(entry.pattern, `${pointer}/pattern`);
      for (const key of ['value', 'negatedValue'] as const) {
        const value = entry[key];
        if (value !== undefined && !allowed.includes(value)) {
          throw new KnowledgeBaseError(EXTRACTION_FILE, `${pointer}/${key}`, `${JSON.stringify(value)} is not a value of fact "${fact}"; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`);
        }
      }
      if (entry.valueFromGroup !== undefined && entry.valueFromGroup > groupCount(regex)) {
        throw new KnowledgeBaseError(EXTRACTION_FILE, `${pointer}/valueFromGroup`, `the pattern has no capture group ${entry.valueFromGroup}`);
      }
      patterns.push({ fact, regex, value: entry.value, valueFromGroup: entry.valueFromGroup, negatedValue: entry.negatedValue, negatable: entry.negatable ?? true, confidence: entry.confidence });
    });
  }
  return {
    patterns,
    negation: { cues: new Set(file.negation.cues.map((c) => c.toLowerCase())), window: file.negation.window, clauseBreaks: file.negation.clauseBreaks },
    addresses: {
      clauseBreaks: file.addresses.clauseBreaks,
      cues: file.addresses.cues.map((cue, i) => ({ regex: compile(cue.pattern, `/addresses/cues/${i}/pattern`), role: cue.role })),
    },
  };
}

function compile(pattern: string, pointer: string): RegExp {
  try {
    return new RegExp(pattern, 'gi');
  } catch (error) {
    throw new KnowledgeBaseError(EXTRACTION_FILE, pointer, `not a valid regular expression: ${(error as Error).message}`);
  }
}

function groupCount(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`).exec('') as RegExpExecArray).length - 1;
}
