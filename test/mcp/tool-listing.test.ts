import { jest } from '@jest/globals';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Schemas } from '../../harness/api';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { KnowledgeBaseHolder } from '../../src/app/holder';
import { Vocabulary } from '../../src/kb/vocabulary';
import { bundledRulesDir } from '../../src/paths';
import { startMcpSession, type McpSession } from '../support/mcp-client';

let session: McpSession;
let tools: Tool[];

// On a loaded machine, starting the app and listing the tools (whose output schemas the client compiles) take seconds.
beforeAll(async () => {
  session = await startMcpSession();
  ({ tools } = await session.client.listTools());
}, 30_000);

afterAll(() => session.close());

const diagnose = () => tools.find((t) => t.name === 'diagnose')!;
const factProperties = (tool: Tool) => (tool.inputSchema.properties as { facts: { properties: Record<string, Record<string, unknown>> } }).facts.properties;

// A query string, a method or a path: what an HTTP caller reads and a model calling a tool has no use for.
const HTTP_SYNTAX = /\?[a-z]\w*=|\b(GET|POST|PUT|PATCH|DELETE)\b|\/v1\/|\/mcp\b/;

/** Every description and title in a listing, with where it is. */
function descriptions(node: unknown, at = ''): [string, string][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...((key === 'description' || key === 'title') && typeof value === 'string' ? [[`${at}/${key}`, value] as [string, string]] : []),
    ...descriptions(value, `${at}/${key}`),
  ]);
}

describe('tools/list', () => {
  it('gives diagnose every fact GET /v1/facts lists, with its JSON type, its allowed values, null for not known, and its description', async () => {
    const { facts } = (await session.api.get<Schemas['FactList']>('/v1/facts')).body;
    const properties = factProperties(diagnose());
    expect(Object.keys(properties)).toEqual(facts.map((f) => f.name));
    expect(facts.length).toBeGreaterThan(10);
    for (const fact of facts) {
      const property = properties[fact.name]!;
      const values = fact.values?.map((v) => v.value);
      expect({ fact: fact.name, description: property.description }).toEqual({ fact: fact.name, description: fact.description });
      if (fact.type === 'string-list') {
        expect(property).toMatchObject({ type: ['array', 'null'], items: { type: 'string', enum: values } });
      } else {
        expect(property.type).toEqual([fact.type === 'boolean' ? 'boolean' : 'string', 'null']);
        if (values) expect(property.enum).toEqual([...values, null]);
        else expect(property).not.toHaveProperty('enum');
      }
    }
    expect(properties.natMode!.enum).toEqual(['none', 'one-to-one', 'many-to-one', 'port-forwarding', null]);
    expect(properties.clientAddress).toMatchObject({ type: ['string', 'null'], maxLength: 256 });
    expect(diagnose().inputSchema).toMatchObject({ properties: { facts: { additionalProperties: false } } });
  });

  it("gives diagnose a text argument for the user's own words, described for a model", () => {
    const text = (diagnose().inputSchema.properties as Record<string, { description: string }>).text!;
    expect(text).toMatchObject({ type: 'string', maxLength: 4000 });
    expect(text.description).toMatch(/own words.*facts\.fromText/);
  });

  it('declares an output schema, an object, on every tool', () => {
    expect(tools).toHaveLength(3);
    for (const tool of tools) expect({ tool: tool.name, type: tool.outputSchema?.type }).toEqual({ tool: tool.name, type: 'object' });
  });

  it('says when to call list_facts and get_article, and every argument is described', () => {
    expect(diagnose().description).toMatch(/list_facts to see every fact.*before asking/);
    expect(diagnose().description).toMatch(/get_article to cite or show the article a diagnosis comes from/);
    expect(tools.find((t) => t.name === 'get_article')!.description).toMatch(/cite or show the article/);
    for (const tool of tools) {
      for (const [name, argument] of Object.entries(tool.inputSchema.properties ?? {}))
        expect({ tool: tool.name, name, described: Boolean((argument as { description?: string }).description) }).toEqual({ tool: tool.name, name, described: true });
    }
  });

  it('uses no HTTP syntax in any description, output schemas included', () => {
    const all = descriptions(tools);
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(([, text]) => HTTP_SYNTAX.test(text))).toEqual([]);
  });

  it('finds HTTP syntax where there is some', () => {
    const found = descriptions([{ description: 'With `?include=candidates`, every diagnosis' }, { inputSchema: { title: 'see GET /v1/facts' } }]);
    expect(found.filter(([, text]) => HTTP_SYNTAX.test(text))).toEqual([
      ['/0/description', 'With `?include=candidates`, every diagnosis'],
      ['/1/inputSchema/title', 'see GET /v1/facts'],
    ]);
  });
});

describe('tools/list after the knowledge base is reloaded', () => {
  it('lists the facts of the knowledge base being served', async () => {
    const holder = new KnowledgeBaseHolder(bundledRulesDir);
    const reloaded = await startMcpSession({ holder });
    try {
      const before = factProperties((await reloaded.client.listTools()).tools[0]!);
      expect(before).not.toHaveProperty('vpnInPath');
      // A reload swaps in a new snapshot; here one whose vocabulary has one more fact.
      const { kb, diagnoser } = bundledKnowledgeBase();
      const fact = {
        name: 'vpnInPath',
        type: 'boolean' as const,
        description: 'Whether a VPN sits between client and server.',
        question: 'Is there a VPN?',
        values: [
          { value: true, label: 'Yes' },
          { value: false, label: 'No' },
        ],
      };
      jest.spyOn(holder, 'snapshot').mockReturnValue({ kb: { ...kb, vocabulary: new Vocabulary([...kb.vocabulary.facts, fact]) }, diagnoser });
      const after = factProperties((await reloaded.client.listTools()).tools[0]!);
      expect(after.vpnInPath).toEqual({ type: ['boolean', 'null'], enum: [true, false, null], description: fact.description });
    } finally {
      await reloaded.close();
    }
  }, 30_000);
});
