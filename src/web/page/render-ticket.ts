import type { Annotation } from './api.js';
import { h, quoted } from './dom.js';
import type { Vocabulary } from './vocabulary.js';

interface Highlight {
  start: number;
  end: number;
  fact: string;
}

/**
 * The pasted ticket with each piece of text a fact was read from marked, and the list of facts
 * read. Offsets are the API's (UTF-16 code units, as JavaScript strings count). Where two
 * pieces overlap, the one that starts first is marked; its fact is still in the list.
 */
export function ticketView(text: string, annotation: Annotation, vocabulary: Vocabulary): HTMLElement {
  const highlights: Highlight[] = Object.entries(annotation.facts)
    .flatMap(([fact, found]) => found.evidence.filter((span) => span.field === 'body').map((span) => ({ start: span.start, end: span.end, fact })))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: (Node | string)[] = [];
  let at = 0;
  for (const { start, end, fact } of highlights) {
    if (start < at) continue;
    pieces.push(text.slice(at, start));
    const value = vocabulary.label(fact, annotation.facts[fact]!.value);
    pieces.push(h('mark', { 'data-fact': fact, title: `${vocabulary.name(fact)}: ${value}` }, text.slice(start, end)));
    at = end;
  }
  pieces.push(text.slice(at));
  return h(
    'section',
    { class: 'ticket', 'aria-labelledby': 'ticket-heading' },
    h('h2', { id: 'ticket-heading' }, 'What the ticket says'),
    h('blockquote', { class: 'ticket-text' }, pieces),
    h(
      'dl',
      { class: 'facts-read' },
      Object.entries(annotation.facts).map(([fact, found]) => [
        h('dt', {}, vocabulary.name(fact)),
        h(
          'dd',
          { 'data-fact': fact },
          vocabulary.label(fact, found.value),
          found.evidence.length ? h('span', { class: 'quiet' }, ` from ${quoted(found.evidence.map((span) => span.text))}`) : null,
          // The service bounds the evidence it returns and says how much it left out.
          found.evidenceOmitted ? h('span', { class: 'quiet' }, ` and ${found.evidenceOmitted} more`) : null,
        ),
      ]),
    ),
    Object.keys(annotation.facts).length ? null : h('p', {}, 'No facts could be read from this text; answer the questions instead.'),
    // What the text mentions that no fact can hold: shown so that whoever reads the page weighs it.
    annotation.context.length
      ? h(
          'div',
          { class: 'context-read' },
          h('h3', {}, 'Also mentioned (no fact holds it)'),
          h(
            'ul',
            {},
            annotation.context.map((item) =>
              h(
                'li',
                { 'data-context': item.id },
                item.label,
                h('span', { class: 'quiet' }, ` from ${quoted(item.evidence.map((span) => span.text))}`),
                item.evidenceOmitted ? h('span', { class: 'quiet' }, ` and ${item.evidenceOmitted} more`) : null,
              ),
            ),
          ),
        )
      : null,
  );
}
