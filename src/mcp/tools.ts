import { diagnoseAnswer } from '../app/diagnose';
import { diagnoseDecision } from '../app/decision-content';
import { fieldPriors } from '../app/field-priors';
import { articleAnswer, factsAnswer } from '../app/articles';
import type { Snapshot } from '../app/snapshot';
import type { DecisionRecorder } from '../decisions/recorder';

/**
 * A tool of the MCP server: one API operation a chatbot needs, answering exactly what the
 * operation answers. Its arguments and answer come from the operation in openapi.yaml; the words a
 * model reads are its own, since the operation's are written for HTTP callers (query strings,
 * paths) and a model calling a tool has neither.
 */
export interface ChatbotTool {
  name: string;
  operationId: string;
  /** What it is for and when to call it, in plain words. */
  description: string;
  /** Each argument's description, in place of the operation's. */
  arguments: Record<string, string>;
  /** The argument that holds facts: listed fact by fact from the vocabulary, and read against it when refused. */
  factsArgument?: string;
  run: (args: Record<string, unknown>, snapshot: Snapshot, caller: string | undefined) => Promise<object> | object;
}

/** The three tools; `decisions` records diagnose's answers as POST /v1/diagnose's are. */
export function chatbotTools(decisions?: DecisionRecorder): ChatbotTool[] {
  return [
    {
      name: 'diagnose',
      operationId: 'diagnose',
      description: [
        "Diagnoses why an Outlook, Outlook Web Access or Exchange ActiveSync client cannot connect to Exchange through a firewall or NAT, from what is known of the user's environment.",
        "Send the facts known so far (every fact, its type and its allowed values are in this tool's input schema) and, as text, what the user said in their own words.",
        'The answer holds the diagnoses that hold, each with its cause, the workarounds that apply and those that do not (with the reason), the evidence and the article it comes from;',
        'facts.fromText, the facts read from the text, to confirm with the user; and questions, what to ask next, best first.',
        'Ask the first question, then call again with the answer added to the facts or sent as text; when questions is empty, nothing more can be learned.',
        'Nothing is kept between calls: send every fact known so far each time.',
        'Call list_facts to see every fact with the label of each value and the question to put to the user, before asking about a fact that questions does not list;',
        'call get_article to cite or show the article a diagnosis comes from.',
      ].join(' '),
      arguments: {
        facts:
          "What is known of the user's environment, by fact name. Every fact is optional: send {} when nothing is known yet. Send a fact as null when the user was asked and does not know; it is then never asked again. A fact sent here wins over what the text says.",
        text: 'What the user said, in their own words (e.g. "it\'s Outlook 2003 behind a SonicWall, the server is 192.168.1.20"). Facts are read from it and returned in facts.fromText with the words each was read from: confirm them with the user, then send them in facts (as null those the user says they do not know).',
        include:
          '"candidates" to add every diagnosis of the knowledge base with its status (confirmed, likely, ruled-out with the conditions that failed, out-of-scope, or undetermined with the facts it waits for), to explain why a diagnosis does not hold. Leave it out otherwise.',
        priors:
          '"field" to rank the questions by the answers seen in earlier consultations and tickets (the service\'s decision log) rather than by the rules alone. Leave it out unless asked to; a service without a decision log refuses it.',
      },
      factsArgument: 'facts',
      run: async (args, snapshot, caller) => {
        const text = args.text as string | undefined;
        const priors = args.priors === 'field' ? await fieldPriors(decisions) : undefined;
        const answer = await diagnoseAnswer(snapshot, { facts: args.facts as Record<string, unknown>, text }, { includeCandidates: args.include === 'candidates', priors });
        // A chatbot's diagnosis is a decision like any other, with its id to report the outcome against.
        return decisions ? { decisionId: decisions.record(diagnoseDecision(answer, text), caller), ...answer } : answer;
      },
    },
    {
      name: 'list_facts',
      operationId: 'listFacts',
      description: [
        'Lists every fact diagnose takes: its name, its type, its allowed values with a label for each, the question to put to a person for it, and how the service derives it from other facts where it can.',
        "Call it before asking the user about a fact that diagnose's questions do not list, or to turn an answer in the user's own words into an allowed value.",
      ].join(' '),
      arguments: {},
      run: (_args, snapshot) => factsAnswer(snapshot),
    },
    {
      name: 'get_article',
      operationId: 'getArticle',
      description: [
        "Gives one knowledge-base article as diagnose's answers cite it: its title, URL and revisions, its diagnoses with their conditions, and its workarounds with their steps, each statement with the section and words of the article it comes from.",
        "Call it to cite or show the article a diagnosis or workaround comes from; the id is in the diagnosis's article.id.",
      ].join(' '),
      arguments: { id: 'The article id as a diagnosis gives it in article.id (e.g. KB291615 or TIP-EAS-NAT), in any case.' },
      run: (args, snapshot) => articleAnswer(snapshot, args.id as string),
    },
  ];
}
