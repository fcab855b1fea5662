import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { facts, type FactName, type Facts, type FactValue, type KbClient } from '../src/index.js';

// The type checks here are made by tsc when the package builds: each `@ts-expect-error` line must
// fail to compile (tsc reports a directive with nothing to expect), so a typo in a fact name or
// value is proved to be a compile error, not just said to be.

const natMode: 'natMode' = facts.natMode.name;
const natValues: readonly FactValue<'natMode'>[] = facts.natMode.values.map((v) => v.value);

// @ts-expect-error: the vocabulary has no fact natMod
void facts.natMod;

const known: Facts = {
  clientKind: 'outlook',
  exchangeVersion: '5.5',
  natMode: 'many-to-one',
  symptoms: ['cannot-connect', 'error-1720'],
  port135Reachable: false,
  clientAddress: '192.168.1.20',
  firewallPlatform: null,
};

// @ts-expect-error: a misspelt fact name
const misspeltName: Facts = { natMod: 'many-to-one' };
// @ts-expect-error: a value natMode does not have
const misspeltValue: Facts = { natMode: 'many-to-none' };
// @ts-expect-error: symptoms is a list of values
const notAList: Facts = { symptoms: 'cannot-connect' };
// @ts-expect-error: port135Reachable is true or false
const notABoolean: Facts = { port135Reachable: 'no' };
// @ts-expect-error: an Exchange version the vocabulary does not have
const wrongVersion: FactValue<'exchangeVersion'> = '2007 SP1';

// The helpers take the same typed facts.
function calls(kb: KbClient) {
  void kb.diagnose({ natMode: 'one-to-one' });
  // @ts-expect-error: a misspelt fact name sent to diagnose
  void kb.diagnose({ natmode: 'one-to-one' });
  // @ts-expect-error: a misspelt value in a ticket's facts
  void kb.annotate({ id: '1', facts: { firewallPlatform: 'windows' } });
}
void [natValues, known, misspeltName, misspeltValue, notAList, notABoolean, wrongVersion, calls];

describe('the fact vocabulary', () => {
  it('is rules/facts.json: every fact, its type and its allowed values, in order', () => {
    const source = JSON.parse(fs.readFileSync(new URL('../../../../rules/facts.json', import.meta.url), 'utf8')) as {
      facts: { name: string; type: string; values?: { value: unknown }[] }[];
    };
    assert.deepEqual(
      Object.keys(facts),
      source.facts.map((f) => f.name),
    );
    for (const fact of source.facts) {
      const generated = facts[fact.name as FactName];
      assert.equal(generated.type, fact.type);
      assert.deepEqual(
        'values' in generated ? generated.values.map((v) => v.value) : undefined,
        fact.values?.map((v) => v.value),
      );
    }
    assert.equal(natMode, 'natMode');
  });
});
