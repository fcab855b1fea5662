import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { startMcpSession, type McpSession } from '../support/mcp-client';

let session: McpSession;

// On a loaded machine, starting the app takes seconds.
beforeAll(async () => {
  session = await startMcpSession();
}, 30_000);

afterAll(() => session.close());

const textOf = (result: Awaited<ReturnType<McpSession['client']['getPrompt']>>) => result.messages.map((m) => (m.content.type === 'text' ? m.content.text : '')).join('\n');

describe('the troubleshoot-connectivity prompt', () => {
  it('is listed, with its optional problem argument', async () => {
    expect(session.client.getServerCapabilities()?.prompts).toBeDefined();
    const { prompts } = await session.client.listPrompts();
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toMatchObject({ name: 'troubleshoot-connectivity', arguments: [{ name: 'problem', required: false }] });
    expect(prompts[0]!.description).toMatch(/consultation/);
  });

  it('gives a model the consultation loop with the three tools', async () => {
    const result = await session.client.getPrompt({ name: 'troubleshoot-connectivity' });
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]!.role).toBe('user');
    const text = textOf(result);
    // Each step of the loop, in its order.
    const steps = [
      /Call diagnose with what the user said as text/,
      /facts\.fromText.*confirm.*as null where they say they do not know it.*leave out a reading they say is wrong/,
      /ask the first one.*values/,
      /group, ask every question of that group together/,
      /call list_facts/,
      /every fact known so far.*as text, or under the question's fact in facts.*null/,
      /applicable true.*applicable false\) with their reason/,
      /call get_article/,
      /derived.*inference/,
      /Stop asking when questions is empty or the user is satisfied/,
    ];
    let from = 0;
    for (const step of steps) {
      const at = text.slice(from).search(step);
      expect({ step: String(step), found: at >= 0 }).toEqual({ step: String(step), found: true });
      from += at;
    }
    expect(text).toMatch(/Ask the user to describe the problem in their own words/);
  });

  it("starts from the user's own words when the problem is given", async () => {
    const text = textOf(await session.client.getPrompt({ name: 'troubleshoot-connectivity', arguments: { problem: 'Outlook 2003 cannot connect from the branch office' } }));
    expect(text).toContain('"Outlook 2003 cannot connect from the branch office". Start with step 1, sending these words as text.');
    expect(text).not.toMatch(/Ask the user to describe/);
  });

  it.each([
    ['troubleshoot', {}, 'MCP error -32602: There is no prompt "troubleshoot"; the prompt is troubleshoot-connectivity.'],
    ['troubleshoot-connectivity', { issue: 'x' }, 'MCP error -32602: The prompt troubleshoot-connectivity takes no argument issue; its argument is problem.'],
  ])('refuses the prompt %s with arguments %j, with one prefix', async (name, args, message) => {
    const get = session.client.getPrompt({ name, arguments: args });
    await expect(get).rejects.toBeInstanceOf(McpError);
    await expect(get).rejects.toThrow(message);
    await expect(get).rejects.toThrow(/^MCP error -32602: (?!MCP error)/);
  });
});
