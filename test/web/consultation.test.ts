import { expect } from '@jest/globals';
import { Consultation } from '../../src/web/page/consultation';

// The diagnosis page's record of what the engineer said: a reading taken as not known changes
// only that fact of the turn that read it, and can be put back when the service refuses it.

describe("the page's consultation", () => {
  const sentence = () => {
    const consultation = new Consultation({ clientKind: 'outlook' });
    consultation.answer({ fact: 'exchangeVersion', value: '2003' });
    consultation.answer({ fact: 'firewallPlatform', value: 'non-windows', words: ['SonicWall'] }, { fact: 'natMode', value: 'many-to-one', words: ['NAT overload'] });
    return consultation;
  };

  it('takes a fact read from the last turn as not known, leaving the rest of the turn as it was', () => {
    const consultation = sentence();
    expect(consultation.unknownInLastTurn('firewallPlatform')).toEqual({ fact: 'firewallPlatform', value: 'non-windows', words: ['SonicWall'] });
    expect(consultation.facts).toEqual({ clientKind: 'outlook', exchangeVersion: '2003', firewallPlatform: null, natMode: 'many-to-one' });
    expect(consultation.answered).toBe(2);
    expect(consultation.lastTurn).toEqual([
      { fact: 'firewallPlatform', value: null },
      { fact: 'natMode', value: 'many-to-one', words: ['NAT overload'] },
    ]);
    // Back still takes the sentence back whole.
    expect(consultation.back()?.map((given) => given.fact)).toEqual(['firewallPlatform', 'natMode']);
  });

  it('puts the reading back as it was', () => {
    const consultation = sentence();
    const was = consultation.unknownInLastTurn('firewallPlatform')!;
    consultation.restoreInLastTurn(was);
    expect(consultation.entries).toEqual(sentence().entries);
  });

  it('changes nothing for a fact the last turn did not read from words', () => {
    const consultation = sentence();
    expect(consultation.unknownInLastTurn('exchangeVersion')).toBeUndefined();
    expect(consultation.unknownInLastTurn('outlookVersion')).toBeUndefined();
    consultation.answer({ fact: 'port135Reachable', value: true });
    expect(consultation.unknownInLastTurn('port135Reachable')).toBeUndefined();
    expect(consultation.unknownInLastTurn('firewallPlatform')).toBeUndefined();
    expect(consultation.facts['firewallPlatform']).toBe('non-windows');
  });
});
