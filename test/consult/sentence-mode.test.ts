import { expect } from '@jest/globals';
import { consult } from '../../harness/consultation';
import { readPhraseBank, type PhraseBank } from '../../harness/phrase-bank';
import { readScenarioTable, scenarioTableIds } from '../../harness/scenario-tester';

// The consultation simulator's sentence mode: the user answers in words from a phrase bank, the
// service reads them (`text`), and the user puts right what it read wrong.

// Outlook 2003 behind many-to-one NAT on a firewall not based on Windows NT: the first case of
// KB291615's scenario table, its expected diagnosis as the table gives it.
const { facts: environment, diagnoses: expected } = readScenarioTable('KB291615').valid[0]!;

/** A bank with one clause per value: the fact's label, which the extractor reads; `natMode` as given. */
function bank(natClause: string): PhraseBank {
  return {
    about: 'test',
    clauses: {
      clientKind: { outlook: ['Outlook cannot connect'] },
      symptoms: { 'cannot-connect': ['it cannot connect'] },
      outlookVersion: { '2003': ['we run Outlook 2003'] },
      exchangeVersion: { '2003': ['the server is Exchange 2003'] },
      firewallPlatform: { 'non-windows': ['the firewall is a SonicWall'] },
      natMode: { 'many-to-one': [natClause] },
      port135Reachable: { true: ['telnet to port 135 on the Exchange server connects'] },
    },
    unknown: { '*': ["I don't know"] },
    joins: ['{a}. {b}'],
  };
}

describe('sentence mode', () => {
  it('reaches the expected diagnosis from words the service reads right, with nothing to correct', async () => {
    const run = await consult(environment, { bank: bank('all our PCs share one public IP'), seed: 'a', expected });
    expect(run.corrections).toEqual([]);
    expect(run.report.diagnoses.map((d) => d.id)).toContain(expected[0]);
    expect(run.turnsToConfirmed).toBeDefined();
    expect(run.said.length).toBeGreaterThan(1);
  });

  it('a fact read wrong from the words is put right by the user in a turn of its own', async () => {
    const right = await consult(environment, { bank: bank('all our PCs share one public IP'), seed: 'a', expected });
    // "no NAT" for many-to-one: the service reads none, the user corrects it.
    const wrong = await consult(environment, { bank: bank('no NAT'), seed: 'a', expected });
    expect(wrong.corrections).toContainEqual({ fact: 'natMode', read: 'none', truth: 'many-to-one' });
    expect(wrong.turns).toBe(right.turns + 1);
    expect(wrong.report.diagnoses.map((d) => d.id)).toContain(expected[0]);
  });

  it('a fact asked and not read from the answer is taken as not known, and the user who knows it corrects that', async () => {
    const run = await consult(environment, { bank: bank('whatever the router does'), seed: 'a', expected });
    expect(run.corrections).toContainEqual({ fact: 'natMode', read: null, truth: 'many-to-one' });
  });

  it('a fact read from the words that the user does not know is taken back as not known when the bot confirms it, and the run ends where answering with values ends', async () => {
    // The user knows the NAT and not the firewall, and names the box that does the NAT.
    const unsure = { ...environment };
    delete unsure['firewallPlatform'];
    const byValue = await consult(unsure);
    const run = await consult(unsure, { bank: bank('the SonicWall does NAT overload'), seed: 'a' });
    expect(run.corrections).toContainEqual({ fact: 'firewallPlatform', read: 'non-windows', truth: null });
    expect(run.facts['firewallPlatform']).toBeNull();
    // Saying so is a turn of its own: every message after the opening, and the reply to the confirmation.
    expect(run.corrections).toHaveLength(1);
    expect(run.buttons).toEqual([]);
    expect(run.turns).toBe(run.said.length - 1 + 1);
    const ids = (c: typeof run) => c.report.diagnoses.map((d) => `${d.id} ${d.status}`).sort();
    expect(ids(run)).toEqual(ids(byValue));
  });

  it('a user who knows there is NAT but not its kind says so in words, and is not asked about translation on its own', async () => {
    const stated = readScenarioTable('KB291615').valid.find((s) => s.facts['addressTranslation'] === true && !('natMode' in s.facts))!;
    const withWords = bank('all our PCs share one public IP');
    withWords.clauses['addressTranslation'] = { true: ['there is NAT between us and the server'] };
    const said = await consult(stated.facts, { bank: withWords, seed: 'a', expected: stated.diagnoses });
    expect(said.said.some((words) => words.includes('there is NAT'))).toBe(true);
    expect(said.asked).not.toContain('addressTranslation');
    expect(said.turnsToConfirmed).toBeDefined();
    // A bank without words for it leaves the user no way to say so: asked, they answer with a button.
    const without = await consult(stated.facts, { bank: bank('all our PCs share one public IP'), seed: 'a', expected: stated.diagnoses });
    expect(without.asked).toContain('addressTranslation');
    expect(without.buttons).toContain('addressTranslation');
    expect(without.turns).toBeGreaterThan(said.turns);
  });

  it('on the first development bank, every scenario ends without a fact asked twice, every expected diagnosis is reached, at 2 turns or fewer on average', async () => {
    const dev = readPhraseBank('dev');
    const turns: number[] = [];
    for (const id of scenarioTableIds()) {
      const table = readScenarioTable(id);
      for (const scenario of [...table.valid, ...table.invalid]) {
        const wanted = 'diagnoses' in scenario ? scenario.diagnoses : [];
        // consult throws when a fact is asked twice or a run does not end.
        const run = await consult(scenario.facts, { bank: dev, seed: `${id}  ${scenario.name}`, expected: wanted });
        if (wanted.length > 0) {
          expect(run.turnsToConfirmed).toBeDefined();
          turns.push(run.turnsToConfirmed!);
        }
      }
    }
    expect(turns.reduce((a, b) => a + b, 0) / turns.length).toBeLessThanOrEqual(2);
  }, 120_000);
});
