import { normalizeFacts } from '../../src/facts/normalize';
import { bundledKnowledgeBase } from '../support/knowledge-base';

const { vocabulary } = bundledKnowledgeBase().kb;

describe('normalizing the facts a caller sends', () => {
  it('keeps valid facts in vocabulary order, whatever their order in the request', () => {
    const facts = normalizeFacts({ symptoms: ['cannot-connect'], natMode: 'many-to-one', port135Reachable: false, clientKind: 'outlook' }, vocabulary);
    expect(facts.ok && Object.keys(facts.given)).toEqual(['clientKind', 'natMode', 'port135Reachable', 'symptoms']);
    expect(facts.ok && facts.all).toEqual({ clientKind: 'outlook', natMode: 'many-to-one', port135Reachable: false, symptoms: ['cannot-connect'] });
    expect(facts.ok && facts.derived).toEqual({});
  });

  it('records a fact sent as null as unknown, out of what the rules see', () => {
    const facts = normalizeFacts({ clientKind: 'outlook', natMode: null, symptoms: ['cannot-connect'] }, vocabulary);
    expect(facts).toMatchObject({ ok: true, unknown: ['natMode'], given: { clientKind: 'outlook', symptoms: ['cannot-connect'] } });
    expect(facts.ok && 'natMode' in facts.all).toBe(false);
  });

  it('derives address spaces from addresses, unless the caller gave or does not know them', () => {
    const derived = normalizeFacts({ clientAddress: '203.0.113.9', serverAddress: '10.0.0.5' }, vocabulary);
    expect(derived.ok && derived.derived).toEqual({ serverAddressSpace: 'private', clientAddressSpace: 'other' });
    expect(derived.ok && derived.all).toMatchObject({ clientAddress: '203.0.113.9', serverAddressSpace: 'private' });
    const unknown = normalizeFacts({ serverAddress: '10.0.0.5', serverAddressSpace: null }, vocabulary);
    expect(unknown.ok && unknown.derived).toEqual({});
    const given = normalizeFacts({ serverAddress: '10.0.0.5', serverAddressSpace: 'private' }, vocabulary);
    expect(given.ok && given.derived).toEqual({});
  });

  it('reports every problem, each at its pointer, coded by the first kind found', () => {
    const facts = normalizeFacts({ natMode: 'pat', colour: 'blue', symptoms: ['cannot-connect', 'slow'], clientAddress: '300.1.1.1' }, vocabulary);
    expect(facts.ok).toBe(false);
    if (facts.ok) return;
    expect(facts.code).toBe('unknown_fact');
    expect(facts.errors.map((e) => e.pointer)).toEqual(['/facts/natMode', '/facts/colour', '/facts/symptoms', '/facts/clientAddress']);
    expect(facts.errors[0]).toEqual({ pointer: '/facts/natMode', detail: 'natMode must be one of the allowed values, not "pat"', allowed: ['none', 'one-to-one', 'many-to-one', 'port-forwarding'] });
    expect(facts.errors[1]!.allowed).toEqual(vocabulary.names);
    expect(facts.errors[2]!.detail).toBe('symptoms has values it does not allow: "slow"');
    expect(facts.errors[3]).not.toHaveProperty('allowed');
  });

  it('refuses a derived fact that contradicts the address it comes from', () => {
    const facts = normalizeFacts({ serverAddress: '10.0.0.5', serverAddressSpace: 'public' }, vocabulary, '/ticket/facts');
    expect(facts).toEqual({
      ok: false,
      code: 'conflicting_facts',
      errors: [{ pointer: '/ticket/facts/serverAddressSpace', detail: 'serverAddressSpace is "public" but serverAddress 10.0.0.5 is in the private address space' }],
    });
  });

  it('escapes a fact name in its pointer', () => {
    const facts = normalizeFacts({ 'a/b~c': 1 }, vocabulary);
    expect(!facts.ok && facts.errors[0]!.pointer).toBe('/facts/a~1b~0c');
  });
});
