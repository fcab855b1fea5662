import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Contract } from '../contract/contract';
import { publishedContract } from '../contract/published';
import type { SchemaCheck } from '../contract/schema-check';
import type { Vocabulary } from '../kb/vocabulary';
import { factsArgument } from './fact-arguments';
import type { ChatbotTool } from './tools';
import { findOperation, operationInputSchema, operationOutputSchema, type ArgumentOverride, type JsonSchema } from './tool-schemas';

/** A tool with what the server needs to check its arguments and list it. */
export interface CatalogEntry {
  tool: ChatbotTool;
  /** Its operation's own schema for the arguments, as the HTTP door checks the request. */
  check: SchemaCheck;
  /** The arguments it takes, to name them when one it does not take is sent. */
  argumentNames: string[];
}

/**
 * The tools as the server checks and lists them. What comes from openapi.yaml is built once; the
 * facts argument comes from the knowledge base being served, which a reload replaces, so each
 * listing is built for the vocabulary of the request's snapshot (and kept while that vocabulary is).
 */
export class ToolCatalog {
  readonly entries: readonly CatalogEntry[];
  private readonly listers: ((vocabulary: Vocabulary) => Tool)[];
  private readonly listings = new WeakMap<Vocabulary, Tool[]>();

  constructor(contract: Contract, tools: ChatbotTool[]) {
    const published = publishedContract(contract);
    const factValue = published.components?.schemas?.FactValue as JsonSchema | undefined;
    if (!factValue) throw new Error("openapi.yaml defines no FactValue, which the facts' schemas are built from");
    this.entries = tools.map((tool) => {
      const checked = operationInputSchema(published, tool.operationId);
      return { tool, check: contract.checkSchema(checked), argumentNames: Object.keys(checked.properties as object) };
    });
    this.listers = this.entries.map(({ tool, argumentNames }) => {
      // Every argument is described for a model: the operation's words are for HTTP callers.
      const undescribed = argumentNames.filter((name) => !tool.arguments[name]);
      if (undescribed.length) throw new Error(`The ${tool.name} tool does not describe its arguments ${undescribed.join(', ')}`);
      const { summary } = findOperation(published, tool.operationId);
      const outputSchema = operationOutputSchema(published, tool.operationId);
      const described: Record<string, ArgumentOverride> = Object.fromEntries(Object.entries(tool.arguments).map(([name, description]) => [name, { description }]));
      return (vocabulary) => {
        const overrides = tool.factsArgument ? { ...described, [tool.factsArgument]: { ...described[tool.factsArgument], schema: factsArgument(vocabulary, factValue) } } : described;
        const inputSchema = operationInputSchema(published, tool.operationId, overrides);
        return { name: tool.name, ...(summary ? { title: summary } : {}), description: tool.description, inputSchema, outputSchema } as Tool;
      };
    });
  }

  /** The tool of this name. */
  find(name: string): CatalogEntry | undefined {
    return this.entries.find((entry) => entry.tool.name === name);
  }

  /** What tools/list answers for a request served from this vocabulary. */
  listing(vocabulary: Vocabulary): Tool[] {
    let listed = this.listings.get(vocabulary);
    if (!listed) {
      listed = this.listers.map((list) => list(vocabulary));
      this.listings.set(vocabulary, listed);
    }
    return listed;
  }
}
