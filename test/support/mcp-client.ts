import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { TestApi } from '../../harness/api';
import type { ServiceAppOptions } from '../../src/service/service-app';

/** The app in-process with the official SDK's client connected to its /mcp, as a chatbot connects. */
export interface McpSession {
  api: TestApi;
  client: Client;
  close(): Promise<void>;
}

export async function startMcpSession(options: Partial<ServiceAppOptions> = {}): Promise<McpSession> {
  const api = await TestApi.start(options);
  const client = new Client({ name: 'test-chatbot', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${api.baseUrl}/mcp`)));
  return {
    api,
    client,
    async close() {
      await client.close();
      await api.close();
    },
  };
}

// Strict, as the draft MCP names (2020-12): an OpenAPI keyword or a typo left in an output schema
// is an error here, where the SDK's own client (draft-07, strict off) would pass over it.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

/** A validator compiled from a tool's declared output schema. */
export function schemaValidator(schema: object): ValidateFunction {
  return ajv.compile(schema);
}

/** The text a tool result carries: what a model reads, for a refusal the whole message. */
export function resultText(result: unknown): string {
  const [content] = CallToolResultSchema.parse(result).content;
  return content?.type === 'text' ? content.text : '';
}
