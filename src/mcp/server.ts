import { Router, type RequestHandler } from 'express';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Contract } from '../contract/contract';
import { diagnoseAnswer } from '../app/diagnose';
import { diagnoseDecision } from '../app/decision-content';
import { fieldPriors } from '../app/field-priors';
import type { DecisionRecorder } from '../decisions/recorder';
import { AppError } from '../app/errors';
import { MAX_FIELD_ERRORS } from '../contract/problem';
import { articleAnswer, factsAnswer } from '../app/articles';
import type { SchemaCheck } from '../contract/schema-check';
import type { Snapshot, SnapshotOf } from '../app/snapshot';
import type { FieldError } from '../facts/normalize';
import type { Vocabulary } from '../kb/vocabulary';
import { refusalWithFacts } from '../contract/facts-refusal';
import { findOperation, operationInputSchema } from './tool-schemas';

interface Tool {
  name: string;
  operationId: string;
  run: (args: Record<string, unknown>, snapshot: Snapshot, caller: string | undefined) => Promise<object> | object;
  /** Where its arguments hold facts, to be read against the vocabulary when they are refused. */
  factsAt?: string;
}

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
  const tools: Tool[] = [
    {
      name: 'diagnose',
      operationId: 'diagnose',
      factsAt: '/facts',
      run: async (args, snapshot, caller) => {
        const priors = args.priors === 'field' ? await fieldPriors(decisions) : undefined;
        const answer = await diagnoseAnswer(
          snapshot,
          { facts: args.facts as Record<string, unknown>, text: args.text as string | undefined },
          { includeCandidates: args.include === 'candidates', priors },
        );
        // A chatbot's diagnosis is a decision like any other, with its id to report the outcome against.
        return decisions ? { decisionId: decisions.record(diagnoseDecision(answer, args.text as string | undefined), caller), ...answer } : answer;
      },
    },
    { name: 'list_facts', operationId: 'listFacts', run: (_args, snapshot) => factsAnswer(snapshot) },
    { name: 'get_article', operationId: 'getArticle', run: (args, snapshot) => articleAnswer(snapshot, args.id as string) },
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

  const server = (snapshot: Snapshot, caller: string | undefined): Server => {
    const mcp = new Server({ name: 'outlook-connectivity-kb', version: contract.document.info.version }, { capabilities: { tools: {} } });
    mcp.setRequestHandler(ListToolsRequestSchema, () => ({ tools: described.map((d) => d.listing) as never }));
    mcp.setRequestHandler(CallToolRequestSchema, async (request) => {
      const entry = described.find((d) => d.tool.name === request.params.name);
      if (!entry) throw new McpError(ErrorCode.InvalidParams, `Unknown tool "${request.params.name}"; tools: ${tools.map((t) => t.name).join(', ')}`);
      const args = request.params.arguments ?? {};
      checkArguments(entry.tool, entry.check, args, snapshot.kb.vocabulary);
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
function checkArguments(tool: Tool, check: SchemaCheck, args: Record<string, unknown>, vocabulary: Vocabulary): void {
  const findings = check(args);
  if (!findings) return;
  const { code, errors } = tool.factsAt ? refusalWithFacts('', findings, args, { at: tool.factsAt, vocabulary }) : { code: 'invalid_request', errors: findings.errors };
  throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for ${tool.name}: ${describe(errors)}`, { code, errors: errors.slice(0, MAX_FIELD_ERRORS) });
}

// A chatbot reads the message, not the data: it names each field and, where there is a set, what
// is allowed. As in a problem, the first MAX_FIELD_ERRORS and the number of the rest.
function describe(errors: FieldError[]): string {
  const listed = errors.slice(0, MAX_FIELD_ERRORS).map((e) => `${e.pointer} ${e.detail}${e.allowed ? ` (allowed: ${e.allowed.join(', ')})` : ''}`);
  return [...listed, ...(errors.length > MAX_FIELD_ERRORS ? [`and ${errors.length - MAX_FIELD_ERRORS} more`] : [])].join('; ');
}
