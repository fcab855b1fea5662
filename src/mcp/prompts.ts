import type { GetPromptResult, Prompt } from '@modelcontextprotocol/sdk/types.js';

/**
 * The consultation loop as a prompt: what a model has to know to run a consultation with the
 * tools, which no single tool's description can say (the order of the calls, confirming what was
 * read from the user's words, when to stop, how to present what holds).
 */
export const troubleshootConnectivity: Prompt = {
  name: 'troubleshoot-connectivity',
  title: 'Troubleshoot an Outlook, OWA or ActiveSync connection',
  description:
    'Runs a consultation with the user: diagnose from their words, ask the questions the knowledge base ranks best, and present the diagnoses that hold with their workarounds and the articles they come from.',
  arguments: [{ name: 'problem', description: "The user's first description of the problem, in their own words.", required: false }],
};

const LOOP = `Help the user find out why their Outlook, Outlook Web Access or Exchange ActiveSync client cannot connect to Exchange through a firewall or NAT, using the tools diagnose, list_facts and get_article. Say only what the tools' answers say, and cite the article each diagnosis comes from.

1. Call diagnose with what the user said as text, and the facts already known as facts ({} when none are known).
2. If the answer has facts.fromText, tell the user what you understood from their words (each fact, with the words it was read from) and ask them to confirm. From then on, send each fact they confirm in facts, corrected where they correct it, and as null where they say they do not know it (a reading they cannot vouch for must not steer the diagnosis); leave out a reading they say is wrong without saying what is right, so that it is asked.
3. If questions is not empty, ask the first one: put its text to the user and offer the labels of its values as the answers (several may be picked for a string-list fact; for an ip-address fact, ask for the address). If the first question carries a group, ask every question of that group together, in this one turn. To see every fact with its allowed values and labels, for an answer that is none of those offered, call list_facts.
4. Call diagnose again with every fact known so far (nothing is kept between calls) and the answer: in the user's own words as text, or under the question's fact in facts, as one of its allowed values. When the user does not know, send that fact as null; it is then never asked again.
5. Present each diagnosis in diagnoses: its title and cause, whether it is confirmed or likely (for likely, the article's own words on how likely), and its workarounds: those that apply (applicable true) with their steps, those excluded (applicable false) with their reason, and those that depend on facts not known yet (applicable null). Cite the article (article.id, title and url); call get_article to quote or show the article a diagnosis or workaround comes from. Wherever a statement, condition, derivation or diagnosis carries derived, and for every fact in facts.derived, say that it is an inference, not something the article or the user said. Mention conflicts, and the outOfScope diagnoses (whose articles do not cover the user's versions), without presenting them as the cause.
6. Go back to step 3. Stop asking when questions is empty or the user is satisfied, and sum up the diagnoses and the workarounds to try, with their citations.`;

/** The prompt's messages: the loop, and the user's first words when `problem` gives them. */
export function troubleshootingMessages(problem: string | undefined): GetPromptResult {
  const start = problem?.trim()
    ? `The user describes the problem so: "${problem.trim()}". Start with step 1, sending these words as text.`
    : 'Ask the user to describe the problem in their own words, then start with step 1.';
  return { description: troubleshootConnectivity.description, messages: [{ role: 'user', content: { type: 'text', text: `${LOOP}\n\n${start}` } }] };
}
