import { expect } from '@jest/globals';
import { readSpokenForms } from '../../src/annotate/spoken-forms';
import { readChatAnswer } from '../support/chat-answer';

// Words as speech-to-text and hurried typing split or spell them are read as the words they stand
// for, and what is read is quoted as the caller wrote it.
const forms = { regex: /(\bn\s+a\s+t\b)|(\bout\s+look\b)/gi, words: ['NAT', 'Outlook'] };

describe('spoken forms', () => {
  it('reads each form as its word and maps offsets back to the text as written', () => {
    const written = 'out look says there is n a t in between';
    const spoken = readSpokenForms(written, forms);
    expect(spoken.text).toBe('Outlook says there is NAT in between');
    const nat = spoken.text.indexOf('NAT');
    expect(written.slice(spoken.start(nat), spoken.end(nat + 3))).toBe('n a t');
    const says = spoken.text.indexOf('says');
    expect(written.slice(spoken.start(says), spoken.end(says + 4))).toBe('says');
    // A span ending inside a form's word ends where the form does.
    expect(written.slice(spoken.start(0), spoken.end(3))).toBe('out look');
    // A span ending where a form's word starts ends before the form.
    expect(written.slice(spoken.start(says), spoken.end(nat))).toBe('says there is ');
  });

  it('maps every span of a text with many forms back to the words written', () => {
    const written = Array.from({ length: 50 }, (_, i) => `line ${i}: out look behind n a t`).join('\n');
    const spoken = readSpokenForms(written, forms);
    const lines = spoken.text.split('\n');
    expect(lines[49]).toBe('line 49: Outlook behind NAT');
    let offset = 0;
    for (const [i, line] of lines.entries()) {
      const behind = offset + line.indexOf('behind');
      const nat = offset + line.indexOf('NAT');
      expect(written.slice(spoken.start(behind), spoken.end(behind + 6))).toBe('behind');
      expect(written.slice(spoken.start(nat), spoken.end(nat + 3))).toBe('n a t');
      expect(written.slice(spoken.start(offset), spoken.end(offset + line.length))).toBe(`line ${i}: out look behind n a t`);
      offset += line.length + 1;
    }
  });

  it('leaves a text without forms as it is', () => {
    const spoken = readSpokenForms('Outlook 2003 behind NAT', forms);
    expect(spoken.text).toBe('Outlook 2003 behind NAT');
    expect(spoken.start(8)).toBe(8);
    expect(spoken.end(12)).toBe(12);
  });

  it('reads a chat answer said letter by letter, with its evidence in the caller’s words', async () => {
    const text = 'the client uses out look two thousand three and there is n a t in between';
    const read = await readChatAnswer(text);
    expect(read['outlookVersion']?.value).toBe('2003');
    expect(read['addressTranslation']?.value).toBe(true);
    for (const fact of ['outlookVersion', 'addressTranslation']) {
      for (const span of read[fact]!.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect(read['addressTranslation']!.evidence.map((span) => span.text)).toEqual(['n a t']);
  });
});
