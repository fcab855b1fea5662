import { expect } from '@jest/globals';
import { TestApi, type Schemas } from '../../harness/api';

type WebhookAnswer = Schemas['WebhookAnswer'];
type Solved = Schemas['TicketSolvedAnswer'];
type DecisionDetail = Schemas['DecisionDetail'];
import { startLoggingApi, type LoggingApi } from '../support/logging-api';
import { STORE_KINDS } from '../support/stores';

const NAT = 'Outlook 2003 cannot connect to Exchange 2003 since the SonicWall does NAT for the office.';
const ONE_TO_ONE = 'KB291615.one-to-one-translation';
const OWA = 'KB291615.outlook-web-access';

// The payloads as the systems send them: a Zendesk trigger on "Status is Solved" with the ticket's
// status and latest comment, Jira's jira:issue_updated for a transition to Done with its comment
// (ADF), and a ServiceNow business rule's REST message for an incident resolved (state 6).
const zendeskSolved = (id: number, comment: string) => ({ ticket: { id, subject: 'Outlook', description: NAT, status: 'Solved', latest_comment: comment } });
const jiraDone = (id: string, comment: string) => ({
  timestamp: 1764510000000,
  webhookEvent: 'jira:issue_updated',
  issue_event_type_name: 'issue_generic',
  issue: { id, key: `HELP-${id}`, fields: { summary: 'Outlook', description: NAT, status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } }, resolution: { name: 'Done' } } },
  changelog: {
    id: '10400',
    items: [
      { field: 'resolution', fieldtype: 'jira', from: null, fromString: null, to: '10000', toString: 'Done' },
      { field: 'status', fieldtype: 'jira', from: '3', fromString: 'In Progress', to: '10001', toString: 'Done' },
    ],
  },
  comment: { id: '10100', body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: comment }] }] } },
});
const incidentResolved = (sysId: string, notes: string) => ({
  sys_id: sysId,
  number: 'INC0010042',
  short_description: 'Outlook',
  description: NAT,
  state: '6',
  close_code: 'Solved (Permanently)',
  close_notes: notes,
});

let ticketNumber = 5000;

describe.each(STORE_KINDS)("a ticket's solved event, on the %s store", (kind) => {
  let logging: LoggingApi;
  let api: TestApi;
  beforeAll(async () => {
    logging = await startLoggingApi(kind);
    api = logging.api;
  });
  afterAll(() => logging.close());

  it.each([
    [
      'zendesk',
      () => ({ ticket: { id: 101, subject: 'Outlook', description: NAT } }),
      () => zendeskSolved(101, 'Set up a one-to-one translation on the SonicWall for the Exchange server. Outlook connects again.'),
      '101',
    ],
    [
      'jira',
      () => ({ webhookEvent: 'jira:issue_created', issue: { id: '10042', key: 'HELP-42', fields: { summary: 'Outlook', description: NAT } } }),
      () => jiraDone('10042', 'Opened a pipe or tunnel between the networks (one-to-one translation), users connect.'),
      '10042',
    ],
    [
      'servicenow',
      () => ({ sys_id: 'abc123', number: 'INC0010042', short_description: 'Outlook', description: NAT }),
      () => incidentResolved('abc123', 'Configured one-to-one translation on the firewall.'),
      'abc123',
    ],
  ])("%s: the resolution that names a workaround of the ticket's latest decision is recorded as resolved by it", async (system, created, solved, ticket) => {
    const annotated = await api.post<WebhookAnswer>(`/v1/webhooks/${system}`, created());
    const decisionId = annotated.body.annotation.decisionId!;
    expect(annotated.body.annotation.note.text).toContain(`decision ${decisionId}`);
    const res = await api.post<Solved>(`/v1/webhooks/${system}`, solved());
    expect(res.status).toBe(200);
    expect(res.body.solved).toMatchObject({ ticket, decisionId, outcome: { kind: 'resolved', workaround: ONE_TO_ONE, source: system } });
    const { body } = await api.get<DecisionDetail>(`/v1/decisions/${decisionId}`);
    expect(body.decision).toMatchObject({ kind: 'webhook', ticket: { system, id: ticket } });
    expect(body.outcomes).toMatchObject([{ kind: 'resolved', workaround: ONE_TO_ONE, source: system }]);
  });

  it.each([
    ['names no workaround of the decision', 'Rebooted the router, works now.'],
    ['names a workaround it did not do', 'We did not set up a one-to-one translation; the ISP fixed their side.'],
    ['names one that did not help', 'The one-to-one translation did not help; the ISP fixed their side.'],
    ['names two workarounds', 'Set up the one-to-one translation and told users to use Outlook Web Access meanwhile.'],
    ['has no resolution note', ''],
  ])('a resolution that %s stays unmatched, never guessed', async (_case, comment) => {
    ticketNumber += 1;
    const id = ticketNumber;
    await api.post('/v1/webhooks/zendesk', { ticket: { id, subject: 'Outlook', description: NAT } });
    const res = await api.post<Solved>('/v1/webhooks/zendesk', zendeskSolved(id, comment));
    expect(res.body.solved.outcome).toMatchObject({ kind: 'unmatched', source: 'zendesk' });
    expect(res.body.solved.outcome?.workaround).toBeUndefined();
  });

  it("credits Outlook Web Access by the workaround's other name in its wording", async () => {
    await api.post('/v1/webhooks/zendesk', { ticket: { id: 202, subject: 'Outlook', description: NAT } });
    const res = await api.post<Solved>('/v1/webhooks/zendesk', zendeskSolved(202, 'Users work in Outlook Web App until the firewall is replaced.'));
    expect(res.body.solved.outcome).toMatchObject({ kind: 'resolved', workaround: OWA });
  });

  it('a solved ticket the log holds no decision of records nothing', async () => {
    const res = await api.post<Solved>('/v1/webhooks/servicenow', incidentResolved('never-seen', 'one-to-one translation'));
    expect(res.body).toEqual({ solved: { ticket: 'never-seen' } });
  });

  it('an update of a Jira issue that does not move it to Done is annotated as before', async () => {
    const update = { ...jiraDone('10077', 'one-to-one translation'), changelog: { items: [{ field: 'summary', toString: 'Outlook!' }] } };
    const res = await api.post<WebhookAnswer & Partial<Solved>>('/v1/webhooks/jira', update);
    expect(res.body.annotation).toBeDefined();
    expect(res.body.solved).toBeUndefined();
  });
});
