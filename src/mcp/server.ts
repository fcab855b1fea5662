import { Router, type RequestHandler } from 'express';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, GetPromptRequestSchema, ListPromptsRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Contract } from '../contract/contract';
import type { DecisionRecorder } from '../decisions/recorder';
import { AppError } from '../app/errors';
import type { Snapshot, SnapshotOf } from '../app/snapshot';
import { refusalWithFacts } from '../contract/facts-refusal';
import type { FieldError } from '../facts/normalize';
import { ToolCatalog, type CatalogEntry } from './tool-catalog';
import { chatbotTools } from './tools';
import { argumentsRefused, refusal } from './refusals';
import { troubleshootConnectivity, troubleshootingMessages } from './prompts';

/** POST /mcp: the MCP door, served on the service's HTTP server; `decisions` records its diagnoses as POST /v1/diagnose's are. */
export function mcpRoutes(contract: Contract, snapshotOf: SnapshotOf, decisions?: DecisionRecorder): Router {
  return Router().post('/mcp', mcpHandler(contract, snapshotOf, decisions));
}

/**
 * The MCP server: the tools (one per API operation a chatbot needs, each answering exactly what
 * the HTTP operation answers) and the prompt that runs a consultation with them. Stateless
 * Streamable HTTP: every POST /mcp gets a fresh server and transport, so any instance behind a
 * load balancer can answer any request.
 */
function mcpHandler(contract: Contract, snapshotOf: SnapshotOf, decisions?: DecisionRecorder): RequestHandler {
  const catalog = new ToolCatalog(contract, chatbotTools(decisions));
  const toolNames = catalog.entries.map((e) => e.tool.name).join(', ');

  const server = (snapshot: Snapshot, caller: string | undefined): Server => {
    const mcp = new Server({ name: 'outlook-connectivity-kb', version: contract.document.info.version }, { capabilities: { tools: {}, prompts: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, () => ({ tools: catalog.listing(snapshot.kb.vocabulary) }));
    mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
      const entry = catalog.find(request.params.name);
      if (!entry) return refusal(`There is no tool "${request.params.name}"; the tools are ${toolNames}.`);
      return call(entry, request.params.arguments ?? {}, snapshot, caller);
    });
    mcp.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [troubleshootConnectivity] }));
    mcp.setRequestHandler(GetPromptRequestSchema, (request) => {
      const { name, arguments: args = {} } = request.params;
      if (name !== troubleshootConnectivity.name) throw new ProtocolRefusal(`There is no prompt "${name}"; the prompt is ${troubleshootConnectivity.name}.`);
      const unknown = Object.keys(args).filter((arg) => arg !== 'problem');
      if (unknown.length) throw new ProtocolRefusal(`The prompt ${name} takes no argument ${unknown.join(', ')}; its argument is problem.`);
      return troubleshootingMessages(args.problem);
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
 * One tool call: its arguments checked as the HTTP door checks the request (the operation's schema,
 * then the facts against the vocabulary), then the tool run. Whatever it refuses is a result the
 * model reads (isError), naming each argument at fault and what it allows.
 */
async function call({ tool, check, argumentNames }: CatalogEntry, args: Record<string, unknown>, snapshot: Snapshot, caller: string | undefined): Promise<CallToolResult> {
  const findings = check(args);
  if (findings) {
    const { errors } = tool.factsArgument ? refusalWithFacts('', findings, args, { at: `/${tool.factsArgument}`, vocabulary: snapshot.kb.vocabulary }) : { errors: findings.errors };
    return refusal(argumentsRefused(tool.name, errors.map(namingArguments(argumentNames)), factsHint(tool.factsArgument, errors)));
  }
  try {
    const result = await tool.run(args, snapshot, caller);
    return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return refusal(error.errors ? argumentsRefused(tool.name, error.errors, factsHint(tool.factsArgument, error.errors)) : `${tool.name}: ${error.message}`);
  }
}

/** An argument the tool does not take is refused with those it does, as a fact it does not know is with the facts. */
function namingArguments(argumentNames: string[]): (error: FieldError) => FieldError {
  return (error) => {
    const name = /^\/([^/]+)$/.exec(error.pointer)?.[1];
    return name !== undefined && !argumentNames.includes(name) ? { ...error, allowed: argumentNames } : error;
  };
}

/** Where facts are refused, the tool that lists every fact with its allowed values and their labels. */
function factsHint(factsArgument: string | undefined, errors: FieldError[]): string | undefined {
  const inFacts = factsArgument !== undefined && errors.some((e) => e.pointer.startsWith(`/${factsArgument}/`));
  return inFacts ? 'Call list_facts to see every fact with its allowed values.' : undefined;
}

/**
 * A refusal of a request that is no tool call (an unknown prompt): a JSON-RPC error, -32602. Not an
 * McpError, whose message already carries "MCP error -32602: ", which the SDK then sends on and a
 * client prefixes again.
 */
class ProtocolRefusal extends Error {
  readonly code = ErrorCode.InvalidParams;
}
