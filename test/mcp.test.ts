import { member } from '../harness/member';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { resultText, startMcpSession, type McpSession } from './support/mcp-client';

let session: McpSession;

// On a loaded machine, starting the app takes seconds.
beforeAll(async () => {
  session = await startMcpSession();
}, 30_000);

afterAll(() => session.close());

describe('MCP server at /mcp', () => {
  it('lists the three tools, their arguments and answers taken from their operations in openapi.yaml', async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(['diagnose', 'list_facts', 'get_article']);
    const [diagnose, listFacts, getArticle] = tools;
    expect(diagnose!.inputSchema).toMatchObject({
      type: 'object',
      required: ['facts'],
      additionalProperties: false,
      properties: { facts: { type: 'object' }, text: { type: 'string', maxLength: 4000 }, include: { enum: ['candidates'] }, priors: { enum: ['field'] } },
    });
    expect(getArticle!.inputSchema).toMatchObject({ required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } });
    expect(listFacts!.inputSchema).toMatchObject({ type: 'object', properties: {} });
    // Each answer's schema is its operation's 200 answer: the required members of the contract's body.
    expect(diagnose!.outputSchema).toMatchObject({ type: 'object', required: ['diagnoses', 'outOfScope', 'conflicts', 'questions', 'facts', 'kb'] });
    expect(listFacts!.outputSchema).toMatchObject({ type: 'object', required: ['facts', 'kb'], properties: { facts: { items: { $ref: '#/$defs/FactDefinition' } } } });
    expect(getArticle!.outputSchema).toMatchObject({ type: 'object', required: ['article', 'kb'], properties: { article: { $ref: '#/$defs/Article' } } });
  });

  it('diagnose returns what POST /v1/diagnose returns, text included', async () => {
    const facts = { clientKind: 'outlook', natMode: 'many-to-one', firewallPlatform: 'windows-nt', symptoms: ['cannot-connect'] };
    const text = 'the server is 192.168.1.20 and we have Outlook 2003';
    const result = await session.client.callTool({ name: 'diagnose', arguments: { facts, text } });
    const http = await session.api.post('/v1/diagnose', { facts, text });
    expect(result.isError).toBeFalsy();
    expect(member(result.structuredContent, 'facts', 'fromText', 'serverAddress', 'value')).toBe('192.168.1.20');
    expect(result.structuredContent).toEqual(http.body);
    expect(JSON.parse(resultText(result))).toEqual(http.body);
  });

  it('diagnose with include candidates adds the candidates', async () => {
    const result = await session.client.callTool({ name: 'diagnose', arguments: { facts: { clientKind: 'outlook' }, include: 'candidates' } });
    const diagnosisCount = bundledKnowledgeBase().kb.articles.flatMap((a) => a.diagnoses).length;
    expect(member(result.structuredContent, 'candidates')).toHaveLength(diagnosisCount);
  });

  it('list_facts and get_article answer like their HTTP operations', async () => {
    const facts = await session.client.callTool({ name: 'list_facts', arguments: {} });
    expect(facts.structuredContent).toEqual((await session.api.get('/v1/facts')).body);
    const article = await session.client.callTool({ name: 'get_article', arguments: { id: 'KB833799' } });
    expect(article.structuredContent).toEqual((await session.api.get('/v1/articles/KB833799')).body);
  });

  it('GET /mcp is not allowed on the stateless endpoint', async () => {
    const res = await session.api.get('/mcp');
    expect(res.status).toBe(405);
  });
});

describe('JSON-RPC batches on /mcp', () => {
  const call = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'list_facts', arguments: {} } });
  const post = (body: unknown) =>
    fetch(`${session.api.baseUrl}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(body) });

  it('answers a batch of up to 100 messages, and refuses a larger one whole, as an API batch of tickets', async () => {
    const answered = await post(Array.from({ length: 100 }, (_, i) => call(i)));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toHaveLength(100);
    const refused = await post(Array.from({ length: 101 }, (_, i) => call(i)));
    expect(refused.status).toBe(400);
    expect(member(await refused.json(), 'error', 'message')).toMatch(/must not exceed 100/);
  });
});
