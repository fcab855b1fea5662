import MarkdownIt from 'markdown-it';
import type { AdfNode } from '../../src/webhooks/adf';
import { TestApi, type Schemas } from '../../harness/api';
import { member } from '../../harness/member';

type Annotation = Schemas['Annotation'];
type WebhookAnswer = Schemas['WebhookAnswer'];

// Ticket text reaches the note only as quotes of evidence. Whatever the ticket says, a quote is
// text in each target's format (Markdown, Zendesk's plain text, ServiceNow's journal, Jira's ADF)
// and stays on its line. The port 135 patterns let up to 25 characters of anything but . ; ,
// stand between "135" and "blocked", which is room enough for markup. (The tickets name Outlook:
// port 135 is read only in a ticket about an Exchange client.)
let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const hostile = [
  ['a Markdown link', 'Outlook 2003 fails: port 135 [x](http://e/x) blocked'],
  ['an HTML tag', 'Outlook 2003 fails: port 135 <img src=x onerror=y> blocked'],
  ['a line break and a heading', 'Outlook 2003 fails: port 135\n# Resolved\nblocked'],
  ['a ServiceNow code block', 'Outlook 2003 fails: port 135 [code]<b>x</b>[/code] blocked'],
  ['bold and a bidi override', 'Outlook 2003 fails: port 135 **\u202eok** blocked'],
];
// The most permissive renderer: raw HTML allowed, bare URLs turned into links.
const markdown = new MarkdownIt({ html: true, linkify: true });

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const oneLine = (text: string) => text.replace(/[\s\u202e]+/g, ' ');
const quoteLine = (note: string) => note.split('\n').find((line) => line.includes('port135Reachable'))!;

describe.each(hostile)('a ticket with %s in the evidence', (_what, body) => {
  it('is quoted as text in the Markdown note, on one line, and reads back as the ticket says it', async () => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: '1', body } });
    const { markdown: note } = res.body.note;
    const html = markdown.render(note);
    expect(html).not.toMatch(/<img|<b>|<a href="(?!https:\/\/docs)|<h1/);
    expect(html.match(/<li>/g)).toHaveLength(note.match(/^- /gm)!.length);
    // Rendered, the quote reads as the ticket's text, with line breaks and controls as spaces.
    const quote = oneLine(res.body.facts.port135Reachable!.evidence[0]!.text);
    expect(textOf(markdown.renderInline(quoteLine(note)))).toContain(`"${quote}"`);
  });

  it("stays on one line in the plain-text note, Zendesk's comment and ServiceNow's work notes, with no code block", async () => {
    const annotated = await api.post<Annotation>('/v1/annotate', { ticket: { id: '1', body } });
    expect(quoteLine(annotated.body.note.text)).toContain(`"${oneLine(annotated.body.facts.port135Reachable!.evidence[0]!.text)}"`);
    for (const line of annotated.body.note.text.split('\n')) expect(line).not.toMatch(/^# |\u202e/);
    const zendesk = await api.post<WebhookAnswer>('/v1/webhooks/zendesk', { ticket: { id: 1, description: body } });
    expect(member(zendesk.body.writeBack[0]?.body, 'ticket', 'comment', 'body')).toBe(zendesk.body.annotation.note.text);
    const incident = await api.post<WebhookAnswer>('/v1/webhooks/servicenow', { sys_id: 'a1', description: body });
    const notes = member(incident.body.writeBack[0]?.body, 'work_notes') as string;
    expect(notes).not.toMatch(/\[\/?code\]/i);
    expect(quoteLine(notes)).toMatch(/port 135/);
  });

  it("is a plain text node of one line in Jira's ADF comment", async () => {
    const res = await api.post<WebhookAnswer>('/v1/webhooks/jira', { webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'HELP-1', fields: { description: body } } });
    // The paragraphs of the comment, each as the text of its text nodes.
    const paragraphs: string[] = [];
    const walk = (node: AdfNode): void => {
      if (node.type === 'paragraph') paragraphs.push(node.content!.map((inline) => inline.text).join(''));
      else (node.content ?? []).forEach(walk);
    };
    // The comment's body is the ADF document the service made (noteToAdf).
    walk(member(res.body.writeBack[0]?.body, 'body') as AdfNode);
    const fact = paragraphs.find((text) => text.startsWith('port135Reachable'))!;
    expect(fact).toContain(`"${oneLine(res.body.annotation.facts.port135Reachable!.evidence[0]!.text)}"`);
  });
});

it('a run of spaces and line breaks in a quote is one space', async () => {
  const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: '1', body: `Outlook 2003 fails: port 135 \n\r\n\t  blocked` } });
  expect(quoteLine(res.body.note.text)).toContain('"port 135 blocked"');
});
