import { expect } from '@jest/globals';
import { normalizeFacts } from '../../src/facts/normalize';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

const { vocabulary } = bundledKnowledgeBase().kb;

describe('normalizing the facts a caller sends', () => {
  it('keeps valid facts in vocabulary order, whatever their order in the request', () => {
    const facts = normalizeFacts({ symptoms: ['cannot-connect'], natMode: 'many-to-one', port135Reachable: false, clientKind: 'outlook' }, vocabulary);
    expect(facts.ok && Object.keys(facts.given)).toEqual(['clientKind', 'natMode', 'port135Reachable', 'symptoms']);
    expect(facts.ok && facts.given).toEqual({ clientKind: 'outlook', natMode: 'many-to-one', port135Reachable: false, symptoms: ['cannot-connect'] });
    // natMode implies the translation, which the rules see beside what was given.
    expect(facts.ok && facts.derived).toEqual({ addressTranslation: true });
  });

  it('records a fact sent as null as unknown, out of what the rules see', () => {
    const facts = normalizeFacts({ clientKind: 'outlook', natMode: null, symptoms: ['cannot-connect'] }, vocabulary);
    expect(facts).toMatchObject({ ok: true, unknown: ['natMode'], given: { clientKind: 'outlook', symptoms: ['cannot-connect'] } });
    expect(facts.ok && 'natMode' in facts.all).toBe(false);
  });

  it('derives address spaces from addresses, and the translation a public client reaching a private server implies', () => {
    const derived = normalizeFacts({ clientAddress: '203.0.113.9', serverAddress: '10.0.0.5/16' }, vocabulary);
    expect(derived.ok && derived.derived).toEqual({ clientAddressSpace: 'public', serverAddressSpace: 'private', addressTranslation: true });
    expect(derived.ok && derived.all).toMatchObject({ clientAddress: '203.0.113.9', serverAddress: '10.0.0.5/16', serverAddressSpace: 'private' });
    expect(derived.ok && derived.derivations.addressTranslation).toMatchObject({
      value: true,
      from: { clientAddressSpace: 'public', serverAddressSpace: 'private' },
      source: { article: 'TIP-EAS-NAT', paragraph: 2 },
    });
    expect(derived.ok && derived.derivations.clientAddressSpace).toEqual({ value: 'public', from: { clientAddress: '203.0.113.9' }, because: expect.stringMatching(/documentation range/) });
    expect(derived.ok && derived.conflicts).toEqual([]);
  });

  it('derives from what the caller knows a fact it says it does not know', () => {
    const facts = normalizeFacts({ serverAddress: '10.0.0.5', clientAddress: '198.51.100.4', addressTranslation: null }, vocabulary);
    expect(facts).toMatchObject({ ok: true, unknown: ['addressTranslation'], derived: { addressTranslation: true } });
  });

  it.each([
    ['two public addresses: no translation', { clientAddress: '93.184.216.34', serverAddress: '203.0.113.5' }, false],
    ['a private client reaching a public server', { clientAddress: '192.168.1.4', serverAddress: '2001:db8::25' }, true],
    ['a client behind carrier-grade NAT', { clientAddress: '100.64.7.1', serverAddress: '10.0.0.5' }, true],
    ['two private addresses decide nothing', { clientAddress: '192.168.1.4', serverAddress: '10.0.0.5' }, undefined],
    ['natMode one-to-one', { natMode: 'one-to-one' }, true],
    ['natMode none', { natMode: 'none' }, false],
  ])('addressTranslation from %s', (_case, input, expected) => {
    const facts = normalizeFacts(input, vocabulary);
    expect(facts.ok && facts.derived.addressTranslation).toBe(expected);
  });

  it('when natMode is stated and the addresses say otherwise, then natMode decides and the conflict is shown', () => {
    const facts = normalizeFacts({ natMode: 'none', clientAddress: '198.51.100.4', serverAddress: '10.0.0.5' }, vocabulary);
    expect(facts.ok && facts.derived.addressTranslation).toBe(false);
    expect(facts.ok && facts.conflicts).toEqual([
      {
        fact: 'addressTranslation',
        value: false,
        decidedBy: { natMode: 'none' },
        ignored: expect.objectContaining({ value: true, from: { clientAddressSpace: 'public', serverAddressSpace: 'private' } }),
        detail: expect.stringMatching(/^natMode "none" gives addressTranslation false, but .* What the caller stated is used\.$/),
      },
    ]);
  });

  it('when addressTranslation is stated and the addresses say otherwise, then the stated fact wins and the conflict is shown', () => {
    const facts = normalizeFacts({ addressTranslation: false, clientAddress: '198.51.100.4', serverAddress: '10.0.0.5' }, vocabulary);
    expect(facts.ok && facts.all.addressTranslation).toBe(false);
    expect(facts.ok && facts.conflicts.map((c) => [c.fact, c.value, c.decidedBy])).toEqual([['addressTranslation', false, { addressTranslation: false }]]);
  });

  it('refuses two stated facts that contradict each other: natMode and addressTranslation', () => {
    const facts = normalizeFacts({ natMode: 'many-to-one', addressTranslation: false }, vocabulary);
    expect(facts).toMatchObject({ ok: false, code: 'conflicting_facts', errors: [{ pointer: '/facts/addressTranslation', detail: expect.stringMatching(/natMode "many-to-one"/) }] });
  });

  it('keeps an address space the caller gave, or the one of the address when it said it does not know it', () => {
    const given = normalizeFacts({ serverAddress: '10.0.0.5', serverAddressSpace: 'private' }, vocabulary);
    expect(given.ok && given.derived).toEqual({});
    const unknown = normalizeFacts({ serverAddress: '10.0.0.5', serverAddressSpace: null }, vocabulary);
    expect(unknown.ok && unknown.derived).toEqual({ serverAddressSpace: 'private' });
  });

  it.each([
    ['192.168.10.0/24', /names the network 192.168.10.0\/24, not a host on it/],
    ['10.0.0.1/33', /prefix length that is not a whole number from 0 to 32/],
    ['mail.example.com', /is not an IPv4 address/],
  ])('refuses %s as a host address, saying why', (address, detail) => {
    const facts = normalizeFacts({ serverAddress: address }, vocabulary);
    expect(facts).toMatchObject({ ok: false, code: 'invalid_fact_value', errors: [{ pointer: '/facts/serverAddress', detail: expect.stringMatching(detail) }] });
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
