import { member } from '../../harness/member';
import { resultText, startMcpSession, type McpSession } from '../support/mcp-client';

let session: McpSession;

// On a loaded machine, starting the app and listing the tools (whose output schemas the client compiles) take seconds.
beforeAll(async () => {
  session = await startMcpSession();
  // With the output schemas known, the client checks every answer's structured content against them.
  await session.client.listTools();
}, 30_000);

afterAll(() => session.close());

const NAT_MODES = 'none, one-to-one, many-to-one, port-forwarding';

describe('a tool given arguments it cannot take', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['a value the fact does not allow', 'diagnose', { facts: { natMode: 'pat' } }, `facts.natMode: natMode must be one of the allowed values, not "pat" (allowed: ${NAT_MODES})`],
    ['an unknown fact', 'diagnose', { facts: { natType: 'pat' } }, 'facts.natType: unknown fact "natType" (allowed: clientKind, outlookVersion, '],
    [
      'a fact of the wrong type',
      'diagnose',
      { facts: { outlookVersion: 2003 } },
      'facts.outlookVersion: outlookVersion must be one of the allowed values, not 2003 (a number; it takes a string: send "2003") (allowed: 97, 98, 2000,',
    ],
    [
      'a list fact sent as one value',
      'diagnose',
      { facts: { symptoms: 'cannot-connect' } },
      'facts.symptoms: symptoms must be a list of values, not "cannot-connect" (a string): send ["cannot-connect"] (allowed: cannot-connect,',
    ],
    ['text too long', 'diagnose', { facts: {}, text: 'x'.repeat(4001) }, 'text: must NOT have more than 4000 characters'],
    ['an argument the tool does not take', 'diagnose', { facts: {}, colour: 'red' }, 'colour: is not allowed here (allowed: include, priors, facts, text)'],
    ['an option it does not know', 'diagnose', { facts: {}, include: 'all' }, 'include: must be equal to one of the allowed values (allowed: candidates)'],
    ['its required argument left out', 'diagnose', {}, 'facts: is required'],
    ['field priors without a decision log', 'diagnose', { facts: {}, priors: 'field' }, 'priors: needs the decision log'],
    ['an id left out', 'get_article', {}, 'id: is required'],
  ])('when given %s, answers with isError naming the argument and what it allows (%s %j)', async (_case, name, args, expected) => {
    const result = await session.client.callTool({ name, arguments: args });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const text = resultText(result);
    expect(text).toContain(expected);
    expect(text.startsWith(`${name} refused its arguments: `)).toBe(true);
    // One prefix: none from the SDK, none repeated.
    expect(text).not.toMatch(/MCP error|refused its arguments.*refused its arguments|Invalid arguments/);
  });

  it('when a fact is refused, says which tool lists every fact with its allowed values', async () => {
    const text = resultText(await session.client.callTool({ name: 'diagnose', arguments: { facts: { natMode: 'pat' } } }));
    expect(text).toMatch(/Call list_facts to see every fact with its allowed values\.$/);
    const other = resultText(await session.client.callTool({ name: 'diagnose', arguments: { facts: {}, include: 'all' } }));
    expect(other).not.toContain('list_facts');
  });

  it('when asked for an article it does not have, answers with isError naming the closest id and every id', async () => {
    const result = await session.client.callTool({ name: 'get_article', arguments: { id: 'KB29165' } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/^get_article: No article "KB29165"; did you mean KB291615\? The knowledge base has: KB148732, .*TIP-EAS-NAT\.$/);
  });

  it('when facts contradict each other, answers with isError naming the facts', async () => {
    const result = await session.client.callTool({ name: 'diagnose', arguments: { facts: { natMode: 'none', addressTranslation: true } } });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toMatch(/^diagnose refused its arguments: facts\.addressTranslation: .*natMode/);
  });

  it('when asked for a tool it does not have, answers with isError naming the tools', async () => {
    const result = await session.client.callTool({ name: 'diagnosis', arguments: {} });
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe('There is no tool "diagnosis"; the tools are diagnose, list_facts, get_article.');
  });

  it('sends the refusal as a JSON-RPC result, not a protocol error', async () => {
    const res = await session.api.post('/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'diagnose', arguments: { facts: { natMode: 'pat' } } } });
    expect(member(res.body, 'error')).toBeUndefined();
    expect(member(res.body, 'result', 'isError')).toBe(true);
  });
});
