import { Router, type RequestHandler } from 'express';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Contract } from '../contract/contract';
import type { DecisionRecorder } from '../decisions/recorder';
import { AppError } from '../app/errors';
import { MAX_FIELD_ERRORS } from '../contract/problem';
import type { Snapshot, SnapshotOf } from '../app/snapshot';
import { refusalWithFacts } from '../contract/facts-refusal';
import type { FieldError } from '../facts/normalize';
import { ToolCatalog, type CatalogEntry } from './tool-catalog';
import { chatbotTools } from './tools';

/** POST /mcp: the MCP door, served on the service's HTTP server; `decisions` records its diagnoses as POST /v1/diagnose's are. */
export function mcpRoutes(contract: Contract, snapshotOf: SnapshotOf, decisions?: DecisionRecorder): Router {
  return Router().post('/mcp', mcpHandler(contract, snapshotOf, decisions));
}

/**
 * The MCP server: one tool per API operation a chatbot needs, each answering exactly what the
 * HTTP operation answers. Stateless Streamable HTTP: every POST /mcp gets a fresh server and
 * transport, so any instance behind a load balancer can answer any request.
 */
function mcpHandler(contract: Contract, snapshotOf: SnapshotOf, decisions?: DecisionRecorder): RequestHandler {
  const catalog = new ToolCatalog(contract, chatbotTools(decisions));

  const server = (snapshot: Snapshot, caller: string | undefined): Server => {
    const mcp = new Server({ name: 'outlook-connectivity-kb', version: contract.document.info.version }, { capabilities: { tools: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, () => ({ tools: catalog.listing(snapshot.kb.vocabulary) }));
    mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
      const entry = catalog.find(request.params.name);
      if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}"; tools: ${catalog.entries.map((e) => e.tool.name).join(', ')}`);
      const args = request.params.arguments ?? {};
      checkArguments(entry, args, snapshot);
      try {
        const result = await entry.tool.run(args, snapshot, caller);
        return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result as Record<string, unknown> };
      } catch (error) {
        if (error instanceof AppError) {
          const detail = error.errors ? describe(error.errors) : error.message;
          throw new McpError(ErrorCode.InvalidParams, `${entry.tool.name}: ${detail}`, { code: error.code, errors: error.errors });
        }
        throw error;
      }
    });
    return mcp;
  };

  return async (req, res) => {
    const mcp = server(snapshotOf(req), (res.locals.apiKey as { name?: string } | undefined)?.name);
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
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

/**
 * Refuses arguments that do not match the tool's input schema; a tool that takes facts has them
 * read against the vocabulary too, as POST /v1/diagnose does (see refusalWithFacts).
 */
function checkArguments({ tool, check }: CatalogEntry, args: Record<string, unknown>, snapshot: Snapshot): void {
  const findings = check(args);
  if (!findings) return;
  const { code, errors } = tool.factsArgument
    ? refusalWithFacts('', findings, args, { at: `/${tool.factsArgument}`, vocabulary: snapshot.kb.vocabulary })
    : { code: 'invalid_request', errors: findings.errors };
  throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for ${tool.name}: ${describe(errors)}`, { code, errors: errors.slice(0, MAX_FIELD_ERRORS) });
}

// A chatbot reads the message, not the data: it names each field and, where there is a set, what
// is allowed. As in a problem, the first MAX_FIELD_ERRORS and the number of the rest.
function describe(errors: FieldError[]): string {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map((e) => `${e.pointer} ${e.detail}${e.allowed ? ` (allowed: ${e.allowed.join(', ')})` : ''}`);
  return [...listed, ...(errors.length > MAX_FIELD_ERRORS ? [`and ${errors.length - MAX_FIELD_ERRORS} more`] : [])].join('; ');
}
