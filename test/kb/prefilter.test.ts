import fc from 'fast-check';
import { passes, prefilterOf } from '../../src/kb/prefilter';

// Written out in one array, a prefilter must pass exactly the tickets its lists and ways say.
describe('a prefilter written out in one array', () => {
  it('passes a ticket that meets every list, and the lists of one way of every expression', () => {
    const list = fc.array(fc.nat(9), { minLength: 1, maxLength: 3 });
    const lists = fc.array(list, { maxLength: 3 });
    const ways = fc.array(fc.array(lists, { minLength: 1, maxLength: 3 }), { maxLength: 3 });
    const found = fc.uint8Array({ min: 0, max: 1, minLength: 10, maxLength: 10 });
    const meets = (of: number[][], ticket: Uint8Array) => of.every((texts) => texts.some((text) => ticket[text] === 1));
    fc.assert(
      fc.property(lists, ways, found, (required, byExpression, ticket) => {
        const expected = meets(required, ticket) && byExpression.every((byWay) => byWay.some((way) => meets(way, ticket)));
        expect(passes(prefilterOf(required, byExpression), ticket)).toBe(expected);
      }),
      { numRuns: 5000, seed: 23 },
    );
  });
});
