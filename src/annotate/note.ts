import type { Question } from '../consult/questions';
import type { DiagnosisFinding, WorkaroundFinding } from '../engine/diagnose';
import type { Vocabulary } from '../kb/vocabulary';
import type { AnnotatedFact } from './annotate';

export interface Note {
  markdown: string;
  text: string;
}

/** A ready-to-post internal note: what was read, what holds and what to do, citing the articles. */
export function noteFor(facts: Record<string, AnnotatedFact>, diagnoses: DiagnosisFinding[], questions: Question[], vocabulary: Vocabulary, revision: string): Note {
  const blocks: { heading: string; lines: { md: string; text: string }[] }[] = [];

  const factLines = Object.entries(facts).map(([name, fact]) => {
    const shown = label(vocabulary, name, fact.value);
    const how = fact.source === 'given' ? 'given' : `from "${fact.evidence.map((e) => e.text).join('", "')}"`;
    return { md: `- ${name}: **${shown}** (${how})`, text: `- ${name}: ${shown} (${how})` };
  });
  blocks.push({ heading: 'Facts', lines: factLines.length ? factLines : [{ md: '- none recognised', text: '- none recognised' }] });

  if (diagnoses.length === 0) {
    blocks.push({ heading: 'Diagnosis', lines: [{ md: '- No diagnosis holds yet for these facts.', text: '- No diagnosis holds yet for these facts.' }] });
  }
  for (const diagnosis of diagnoses) {
    const cite = `${diagnosis.article.id}: ${diagnosis.article.title}`;
    const lines = [
      { md: `- ${diagnosis.title}. Source: [${cite}](${diagnosis.article.url})`, text: `- ${diagnosis.title}. Source: ${cite} <${diagnosis.article.url}>` },
      { md: `- Cause: ${diagnosis.cause.text}`, text: `- Cause: ${diagnosis.cause.text}` },
      ...diagnosis.workarounds.map(workaroundLine),
    ];
    blocks.push({ heading: `Diagnosis (${diagnosis.article.id})`, lines });
  }

  const [next] = questions;
  if (next) {
    const answers = next.values.map((v) => v.label).join(' / ');
    blocks.push({ heading: 'Ask next', lines: [{ md: `- ${next.text} (${answers})`, text: `- ${next.text} (${answers})` }] });
  }

  const footer = `outlook-connectivity-kb, knowledge base ${revision}`;
  return {
    markdown: `${blocks.map((b) => `**${b.heading}**\n${b.lines.map((l) => l.md).join('\n')}`).join('\n\n')}\n\n_${footer}_\n`,
    text: `${blocks.map((b) => `${b.heading.toUpperCase()}\n${b.lines.map((l) => l.text).join('\n')}`).join('\n\n')}\n\n${footer}\n`,
  };
}

function workaroundLine(workaround: WorkaroundFinding): { md: string; text: string } {
  const status = workaround.applicable === true ? 'applies' : workaround.applicable === false ? 'does not apply' : 'may apply';
  const why = workaround.reason ? `: ${workaround.reason}` : '';
  return { md: `- Workaround, ${status}: **${workaround.title}**${why}`, text: `- Workaround, ${status}: ${workaround.title}${why}` };
}

function label(vocabulary: Vocabulary, name: string, value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  const labels = vocabulary.get(name)?.values;
  return values.map((v) => labels?.find((l) => l.value === v)?.label ?? String(v)).join(', ');
}
