import type { RequestHandler } from 'express';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Contract } from '../api/contract';
import { diagnoseAnswer } from '../api/diagnose-answer';
import { MAX_FIELD_ERRORS, Problem } from '../api/problem';
import { articleAnswer, factsAnswer } from '../api/routes/knowledge-base';
import type { SchemaCheck } from '../api/schema-check';
import type { Served, Serving } from '../api/serving';
import type { FieldError } from '../facts/normalize';
import { findOperation, operationInputSchema } from './tool-schemas';

interface Tool {
  name: string;
  operationId: string;
  run: (args: Record<string, unknown>, served: Served) => Promise<object> | object;
}

/**
 * The MCP server: one tool per API operation a chatbot needs, each answering exactly what the
 * HTTP operation answers. Stateless Streamable HTTP: every POST /mcp gets a fresh server and
 * transport, so any instance behind a load balancer can answer any request.
 */
export function mcpHandler(contract: Contract, serving: Serving): RequestHandler {
  const tools: Tool[] = [
    { name: 'diagnose', operationId: 'diagnose', run: (args, served) => diagnoseAnswer(served, args.facts as Record<string, unknown>, { includeCandidates: args.include === 'candidates' }) },
    { name: 'list_facts', operationId: 'listFacts', run: (_args, served) => factsAnswer(served) },
    { name: 'get_article', operationId: 'getArticle', run: (args, served) => articleAnswer(served, args.id as string) },
  ];
  const described = tools.map((tool) => {
    const operation = findOperation(contract.document, tool.operationId);
    const inputSchema = operationInputSchema(contract, tool.operationId);
    return {
      tool,
      listing: { name: tool.name, title: operation.summary, description: operation.description ?? operation.summary ?? tool.name, inputSchema },
      check: contract.checkSchema(inputSchema),
    };
  });

  const server = (served: Served): Server => {
    const mcp = new Server({ name: 'outlook-connectivity-kb', version: contract.document.info.version }, { capabilities: { tools: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, () => ({ tools: described.map((d) => d.listing) as never }));
    mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
      const entry = described.find((d) => d.tool.name === request.params.name);
      if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}"; tools: ${tools.map((t) => t.name).join(', ')}`);
      const args = request.params.arguments ?? {};
      checkArguments(entry.tool.name, entry.check, args);
      try {
        const result = await entry.tool.run(args, served);
        return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result as Record<string, unknown> };
      } catch (error) {
        if (error instanceof Problem && error.status < 500) {
          const detail = error.errors ? describe(error.errors) : error.detail;
          throw new McpError(ErrorCode.InvalidParams, `${entry.tool.name}: ${detail}`, { code: error.code, errors: error.errors });
        }
        throw error;
      }
    });
    return mcp;
  };

  return async (req, res) => {
    const mcp = server(serving(req));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    // The transport insists that a client accept both JSON and an event stream, but this one
    // only ever answers JSON (enableJsonResponse); a plain HTTP client, or "Try it out" in the
    // API reference, that accepts JSON is served rather than turned away with a 406.
    if (req.accepts('application/json') && !/text\/event-stream/.test(req.get('accept') ?? '')) {
      req.headers.accept = 'application/json, text/event-stream';
    }
    await transport.handleRequest(req, res, req.body);
  };
}

function checkArguments(tool: string, check: SchemaCheck, args: Record<string, unknown>): void {
  const findings = check(args);
  if (!findings) return;
  const errors = findings.errors.slice(0, MAX_FIELD_ERRORS);
  throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for ${tool}: ${describe(findings.errors)}`, { code: 'invalid_request', errors });
}

// A chatbot reads the message, not the data: it names each field and, where there is a set, what
// is allowed. As in a problem, the first MAX_FIELD_ERRORS and the number of the rest.
function describe(errors: FieldError[]): string {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map((e) => `${e.pointer} ${e.detail}${e.allowed ? ` (allowed: ${e.allowed.join(', ')})` : ''}`);
  return [...listed, ...(errors.length > MAX_FIELD_ERRORS ? [`and ${errors.length - MAX_FIELD_ERRORS} more`] : [])].join('; ');
}
