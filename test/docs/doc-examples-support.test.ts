import { commandsOf, curlRequest, differenceFromShown, shellWords } from '../support/doc-examples';

// The runner of the pages' examples is only as good as its reading of them: these say what it
// must catch.
describe('what a page shows of an output', () => {
  it('may leave keys out, but every key it shows must match', () => {
    expect(differenceFromShown({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } })).toBeUndefined();
    expect(differenceFromShown({ a: 1, b: { c: 2 } }, { b: { c: 3 } })).toBe('/b/c: 3 is shown, the output has 2');
    expect(differenceFromShown({ a: 1 }, { z: 1 })).toBe('/z: 1 is shown, the output has undefined');
  });

  it('shows arrays whole unless they end with "…"', () => {
    expect(differenceFromShown([1, 2, 3], [1, 2])).toBe('/: 2 items shown, 3 in the output');
    expect(differenceFromShown([1, 2, 3], [1, 2, '…'])).toBeUndefined();
    expect(differenceFromShown([1], [1, 2, '…'])).toBe('/: 2 or more items shown, 1 in the output');
    expect(differenceFromShown([{ id: 'x', n: 1 }], [{ id: 'y' }])).toBe('/0/id: "y" is shown, the output has "x"');
  });

  it('reads "…" as any value, but not as a missing one', () => {
    expect(differenceFromShown({ revision: 'abc' }, { revision: '…' })).toBeUndefined();
    expect(differenceFromShown({}, { revision: '…' })).toBe('/revision: missing');
  });

  it('tells an object from an array and a value', () => {
    expect(differenceFromShown([], {})).toBe('/: an object is shown, the output has []');
    expect(differenceFromShown({}, [])).toBe('/: an array is shown, the output has {}');
    expect(differenceFromShown(false, null)).toBe('/: null is shown, the output has false');
  });
});

describe('reading a shell example', () => {
  it('joins continued lines and drops comments', () => {
    expect(commandsOf("# first\ncurl -s http://h/x \\\n  -d '{}'   # note\n\nnpm test")).toEqual(["curl -s http://h/x -d '{}'", 'npm test']);
  });

  it('splits words as sh does, quotes and all', () => {
    expect(shellWords(`curl -d '{"a":"can'"'"'t"}' -H "x: \\"y\\""`)).toEqual(['curl', '-d', `{"a":"can't"}`, '-H', 'x: "y"']);
    expect(() => shellWords("curl 'open")).toThrow("unclosed ' in curl 'open");
  });

  it('reads curl as the request it sends, and refuses options it does not know', () => {
    expect(curlRequest(shellWords(`curl -s http://127.0.0.1:3000/v1/diagnose -H 'Content-Type: application/json' -d '{}'`))).toEqual({
      method: 'POST',
      url: '/v1/diagnose',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(curlRequest(shellWords('curl -s -X POST http://127.0.0.1:3000/v1/deliveries/x/retry'))).toEqual({ method: 'POST', url: '/v1/deliveries/x/retry', headers: {} });
    expect(() => curlRequest(shellWords('curl -k https://h/x'))).toThrow('does not know: -k');
  });
});
