import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import { TestApi } from '../harness/api';
import { member } from '../harness/member';
import { bundledKnowledgeBase } from '../harness/knowledge-base';

let api: TestApi;
let client: Client;

beforeAll(async () => {
  api = await TestApi.start();
  client = new Client({ name: 'test-chatbot', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${api.baseUrl}/mcp`)));
});

afterAll(async () => {
  await client.close();
  await api.close();
});

describe('MCP server at /mcp', () => {
  it('lists the three tools with input schemas taken from openapi.yaml', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['diagnose', 'list_facts', 'get_article']);
    const diagnose = tools.find((t) => t.name === 'diagnose')!;
    expect(diagnose.inputSchema).toMatchObject({
      type: 'object',
      required: ['facts'],
      properties: { facts: { $ref: '#/$defs/InputFacts' }, include: { enum: ['candidates'] } },
    });
    expect(member(diagnose.inputSchema, '$defs', 'InputFactValue', 'oneOf')).toContainEqual({ type: 'null' });
    const getArticle = tools.find((t) => t.name === 'get_article')!;
    expect(getArticle.inputSchema).toMatchObject({ required: ['id'], properties: { id: { type: 'string' } } });
  });

  it('diagnose returns what POST /v1/diagnose returns', async () => {
    const facts = { clientKind: 'outlook', natMode: 'many-to-one', firewallPlatform: 'windows-nt', symptoms: ['cannot-connect'] };
    const result = await client.callTool({ name: 'diagnose', arguments: { facts } });
    const http = await api.post('/v1/diagnose', { facts });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(http.body);
    const [content] = CallToolResultSchema.parse(result).content;
    expect(content?.type).toBe('text');
    expect(JSON.parse(content?.type === 'text' ? content.text : '')).toEqual(http.body);
  });

  it('diagnose with include=candidates adds the candidates', async () => {
    const result = await client.callTool({ name: 'diagnose', arguments: { facts: { clientKind: 'outlook' }, include: 'candidates' } });
    const diagnosisCount = bundledKnowledgeBase().kb.articles.flatMap((a) => a.diagnoses).length;
    expect(member(result.structuredContent, 'candidates')).toHaveLength(diagnosisCount);
  });

  it('list_facts and get_article answer like their HTTP operations', async () => {
    const facts = await client.callTool({ name: 'list_facts', arguments: {} });
    expect(facts.structuredContent).toEqual((await api.get('/v1/facts')).body);
    const article = await client.callTool({ name: 'get_article', arguments: { id: 'KB833799' } });
    expect(article.structuredContent).toEqual((await api.get('/v1/articles/KB833799')).body);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['diagnose', { facts: { natMode: 'pat' } }, /natMode.*allowed.*many-to-one/],
    ['diagnose', { facts: { natType: 'pat' } }, /unknown fact "natType"/],
    [
      'diagnose',
      { facts: { outlookVersion: 2003 } },
      /\/facts\/outlookVersion outlookVersion must be one of the allowed values, not 2003 \(a number; it takes a string: send "2003"\) \(allowed: 97, 98, 2000/,
    ],
    ['diagnose', {}, /\/facts is required/],
    ['diagnose', { facts: {}, include: 'all' }, /\/include must be equal to one of the allowed values \(allowed: candidates\)/],
    ['get_article', { id: 'KB1' }, /No article "KB1"/],
    ['get_article', {}, /\/id is required/],
  ])('%s rejects bad arguments %j with a clear error', async (name, args, message) => {
    const call = client.callTool({ name, arguments: args });
    await expect(call).rejects.toBeInstanceOf(McpError);
    await expect(call).rejects.toThrow(message);
  });

  it('GET /mcp is not allowed on the stateless endpoint', async () => {
    const res = await api.get('/mcp');
    expect(res.status).toBe(405);
  });
});

describe('JSON-RPC batches on /mcp', () => {
  const call = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'list_facts', arguments: {} } });
  const post = (body: unknown) =>
    fetch(`${api.baseUrl}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(body) });

  it('answers a batch of up to 100 messages, and refuses a larger one whole, as an API batch of tickets', async () => {
    const answered = await post(Array.from({ length: 100 }, (_, i) => call(i)));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toHaveLength(100);
    const refused = await post(Array.from({ length: 101 }, (_, i) => call(i)));
    expect(refused.status).toBe(400);
    expect(member(await refused.json(), 'error', 'message')).toMatch(/must not exceed 100/);
  });
});
