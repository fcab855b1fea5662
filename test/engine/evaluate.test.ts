import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { evaluate } from '../../src/engine/evaluate';
import type { Condition, FactCondition, Operator, TopCondition } from '../../src/kb/model';

const source = { section: 'test' };
const leaf = (fact: string, operator: Operator, value: FactCondition['value']): Condition => ({ fact, operator, value, source });

/** A condition as json-rules-engine takes it within a group: a fact condition, or a group. */
type EngineCondition = Extract<TopLevelCondition, { all: unknown }>['all'][number];

/** Runs `conditions` through json-rules-engine and reads its result three-valued. */
async function truth(conditions: TopCondition, facts: Record<string, unknown>) {
  const strip = (c: Condition): EngineCondition =>
    'fact' in c ? { fact: c.fact, operator: c.operator, value: c.value } : 'all' in c ? { all: c.all.map(strip) } : 'any' in c ? { any: c.any.map(strip) } : { not: strip(c.not) };
  const top: TopLevelCondition = 'all' in conditions ? { all: conditions.all.map(strip) } : { any: conditions.any.map(strip) };
  const engine = new Engine([{ name: 'r', conditions: top, event: { type: 'r' } }], { allowUndefinedFacts: true });
  const { results, failureResults } = await engine.run({ ...facts });
  const [result] = [...results, ...failureResults];
  return evaluate(conditions, result!.conditions as never, facts as never);
}

describe('three-valued reading of json-rules-engine results', () => {
  it('a condition on a missing fact is unknown, even where the engine alone would say true', async () => {
    const conditions: TopCondition = { all: [leaf('natMode', 'notEqual', 'none')] };
    const evaluation = await truth(conditions, {});
    expect(evaluation.value).toBeNull();
    expect(evaluation.missingFacts).toEqual(['natMode']);
    expect(evaluation.evidence).toEqual([{ fact: 'natMode', operator: 'notEqual', expected: 'none', result: null, source }]);
  });

  it('all: false wins over unknown, and unknown over true', async () => {
    const conditions: TopCondition = { all: [leaf('a', 'equal', 'x'), leaf('b', 'equal', 'y')] };
    expect((await truth(conditions, { a: 'z' })).value).toBe(false);
    expect((await truth(conditions, { a: 'x' })).value).toBeNull();
    expect((await truth(conditions, { a: 'x', b: 'y' })).value).toBe(true);
  });

  it('any: true wins over unknown, and unknown over false', async () => {
    const conditions: TopCondition = { any: [leaf('a', 'equal', 'x'), leaf('b', 'equal', 'y')] };
    expect((await truth(conditions, { b: 'y' })).value).toBe(true);
    expect((await truth(conditions, { a: 'z' })).value).toBeNull();
    expect((await truth(conditions, { a: 'z', b: 'z' })).value).toBe(false);
  });

  it('not flips true and false and keeps unknown', async () => {
    const conditions: TopCondition = { all: [{ not: leaf('s', 'contains', 'x') }] };
    expect((await truth(conditions, { s: ['x'] })).value).toBe(false);
    expect((await truth(conditions, { s: [] })).value).toBe(true);
    expect((await truth(conditions, {})).value).toBeNull();
  });

  it('evidence lists every fact condition depth-first with what it saw', async () => {
    const conditions: TopCondition = { all: [leaf('a', 'equal', 'x'), { any: [leaf('s', 'contains', 'p'), leaf('s', 'contains', 'q')] }] };
    const evaluation = await truth(conditions, { a: 'x', s: ['q'] });
    expect(evaluation.value).toBe(true);
    expect(evaluation.evidence.map((e) => [e.fact, e.expected, e.observed, e.result])).toEqual([
      ['a', 'x', 'x', true],
      ['s', 'p', ['q'], false],
      ['s', 'q', ['q'], true],
    ]);
    expect(evaluation.missingFacts).toEqual([]);
  });
});
