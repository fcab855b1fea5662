import { deadWordBoundary } from '../../src/kb/word-boundaries';

describe('a word boundary beside a letter outside ASCII', () => {
  it.each([
    ['\\bär inte', 'a branch that starts with one'],
    ['\\bстатическ', 'Cyrillic'],
    ['(?:fijo|redirigé)\\b', 'a branch of a group that ends with one'],
    ['\\b(?:wechselt|ändert sich)', 'one branch of a group that starts with one'],
    ['x(?:\\bé+)', 'inside a group, before a quantified letter'],
  ])('is reported in %j (%s)', (source) => {
    expect(deadWordBoundary(source)).toEqual(expect.any(String));
  });

  it.each([
    ['\\bopen\\b', 'ASCII on both sides'],
    ['\\b(?:open|ouvert)\\b', 'ASCII at both ends of every branch'],
    ['(?<![\\w\\u00c0-\\u024f])ändert sich(?![\\w\\u00c0-\\u024f])', 'lookarounds that know those letters'],
    ['\\b[aä]ndert', 'a class that also holds an ASCII letter'],
    ['\\bé?x', 'an optional letter before an ASCII one'],
    ['\\Bé', 'a negated boundary'],
  ])('is not reported in %j (%s)', (source) => {
    expect(deadWordBoundary(source)).toBeUndefined();
  });

  it('says where it stands', () => {
    expect(deadWordBoundary('nothing here|\\bär inte')).toContain('\\bär inte');
  });
});
