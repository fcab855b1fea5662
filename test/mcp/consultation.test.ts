import type { ValidateFunction } from 'ajv';
import type { Schemas } from '../../harness/api';
import { schemaValidator, startMcpSession, type McpSession } from '../support/mcp-client';

type DiagnoseResponse = Schemas['DiagnoseResponse'];

let session: McpSession;
const validators = new Map<string, ValidateFunction>();

// On a loaded machine, starting the app and compiling the output schemas take seconds.
beforeAll(async () => {
  session = await startMcpSession();
  for (const tool of (await session.client.listTools()).tools) validators.set(tool.name, schemaValidator(tool.outputSchema!));
}, 30_000);

afterAll(() => session.close());

/** Calls a tool as a chatbot does and checks its answer against the output schema the tool declares. */
async function call<T>(name: string, args: Record<string, unknown>): Promise<T> {
  const result = await session.client.callTool({ name, arguments: args });
  expect({ name, isError: result.isError ?? false }).toEqual({ name, isError: false });
  const validate = validators.get(name)!;
  const valid = validate(result.structuredContent);
  expect({ name, errors: valid ? [] : validate.errors }).toEqual({ name, errors: [] });
  return result.structuredContent as T;
}

// The user's environment: Outlook 2003 behind a firewall that is not Windows NT-based, doing
// many-to-one NAT (KB291615). What the user does not know is answered null.
const environment: Record<string, unknown> = {
  clientKind: 'outlook',
  outlookVersion: '2003',
  exchangeVersion: '2003',
  firewallPlatform: 'non-windows',
  natMode: 'many-to-one',
  port135Reachable: true,
  symptoms: ['cannot-connect'],
};
// Answers the user gives in their own words rather than by picking a value.
const inWords: Record<string, string> = { firewallPlatform: "It's a SonicWall appliance" };
const opening = "Outlook 2003 can't connect to our Exchange server since we moved the office behind a new firewall";

describe('a consultation through the tools', () => {
  it("goes from the user's words, question by question, to the confirmed diagnosis, with every answer matching its output schema", async () => {
    const facts: Record<string, unknown> = {};
    const asked: string[] = [];
    const readFromText: Record<string, unknown> = {};
    let args: Record<string, unknown> = { facts: {}, text: opening };
    let answer: DiagnoseResponse | undefined;
    for (let turn = 0; turn < 15; turn++) {
      answer = await call<DiagnoseResponse>('diagnose', args);
      // The user confirms what was read from their words where it is so, corrected where it is
      // not, and says they do not know the rest.
      for (const [name, fact] of Object.entries(answer.facts.fromText ?? {})) {
        readFromText[name] = fact.value;
        facts[name] = environment[name] ?? null;
      }
      const [top] = answer.questions;
      if (!top) break;
      expect(asked).not.toContain(top.fact);
      asked.push(top.fact);
      if (inWords[top.fact]) {
        args = { facts: { ...facts }, text: inWords[top.fact] };
      } else {
        facts[top.fact] = environment[top.fact] ?? null;
        args = { facts: { ...facts } };
      }
    }
    expect(answer!.questions).toEqual([]);
    expect(readFromText).toMatchObject({ clientKind: 'outlook', outlookVersion: '2003', symptoms: ['cannot-connect'], firewallPlatform: 'non-windows' });
    expect(asked).toContain('firewallPlatform');
    expect(asked).not.toContain('outlookVersion');
    expect(answer!.diagnoses).toContainEqual(expect.objectContaining({ id: 'KB291615.nat-loses-rpc-information', status: 'confirmed' }));
    expect(answer!.facts.given).toMatchObject({ natMode: 'many-to-one', firewallPlatform: 'non-windows' });

    // What a chatbot then cites: the article the diagnosis comes from, and the facts' vocabulary.
    const diagnosis = answer!.diagnoses.find((d) => d.id === 'KB291615.nat-loses-rpc-information')!;
    const { article } = await call<Schemas['ArticleResponse']>('get_article', { id: diagnosis.article.id });
    expect(article.id).toBe('KB291615');
    const { facts: vocabulary } = await call<Schemas['FactList']>('list_facts', {});
    expect(vocabulary.map((f) => f.name)).toEqual(expect.arrayContaining(asked));
  }, 30_000);

  it('takes a reading the user cannot vouch for, sent back as null as the prompt says, as not known: never asked, no longer steering', async () => {
    const stated = { clientKind: 'outlook', outlookVersion: '2003', exchangeVersion: '2003', symptoms: ['cannot-connect'] };
    // The user knows the NAT, not the firewall, and names the box that does the NAT.
    const read = await call<DiagnoseResponse>('diagnose', { facts: stated, text: 'the SonicWall does NAT overload' });
    expect(read.facts.fromText).toMatchObject({ firewallPlatform: { value: 'non-windows' }, natMode: { value: 'many-to-one' } });
    const confirmed = await call<DiagnoseResponse>('diagnose', { facts: { ...stated, natMode: 'many-to-one', firewallPlatform: null } });
    expect(confirmed.facts.unknown).toContain('firewallPlatform');
    expect(confirmed.facts.given).not.toHaveProperty('firewallPlatform');
    expect(confirmed.questions.map((q) => q.fact)).not.toContain('firewallPlatform');
    // What the reading had steered: which workarounds apply differs once it no longer counts.
    const steered = await call<DiagnoseResponse>('diagnose', { facts: { ...stated, natMode: 'many-to-one', firewallPlatform: 'non-windows' } });
    const applicability = (answer: DiagnoseResponse) => answer.diagnoses.flatMap((d) => d.workarounds.map((w) => `${w.id} ${String(w.applicable)}`));
    expect(applicability(confirmed)).not.toEqual(applicability(steered));
  });

  it('answers every candidate, an empty start and a conflict within the output schema', async () => {
    await call('diagnose', { facts: {} });
    await call('diagnose', { facts: { clientKind: 'outlook' }, include: 'candidates' });
    await call('diagnose', { facts: { natMode: 'none', clientAddress: '203.0.113.5', serverAddress: '10.0.0.1' } });
    for (const id of ['KB148732', 'KB833799', 'TIP-EAS-NAT']) await call('get_article', { id });
  });
});

describe('the output schemas', () => {
  it('refuse what the contract refuses', () => {
    const validate = validators.get('diagnose')!;
    expect(validate({ diagnoses: [], outOfScope: [], conflicts: [], questions: [], facts: { given: {}, derived: {}, derivations: {}, unknown: [] }, kb: { revision: '0123456789ab' } })).toBe(true);
    expect(
      validate({ diagnoses: [], outOfScope: [], conflicts: [], questions: [{ fact: 'natMode' }], facts: { given: {}, derived: {}, derivations: {}, unknown: [] }, kb: { revision: '0123456789ab' } }),
    ).toBe(false);
    expect(validators.get('get_article')!({ article: { id: 'KB1' }, kb: { revision: '0123456789ab' } })).toBe(false);
    expect(validators.get('list_facts')!({ facts: [{ name: 'x' }], kb: { revision: '0123456789ab' } })).toBe(false);
  });
});
