import { api, ApiProblem, type ConfigurationFile, type OpenApiDocument, type WorkaroundResult } from './api.js';
import { fieldGroups, inWords, settingWords, type Field, type FieldGroup } from './artifact-settings.js';
import { h, fill } from './dom.js';

let contract: Promise<OpenApiDocument> | undefined;

/**
 * The form that fetches a workaround's configuration file. Its fields are the query parameters
 * openapi.json gives for the file's operation, labelled with the words the knowledge base gives
 * each setting (its article, GET /v1/articles/{id}), the optional ones grouped. The service
 * checks the ports as the workaround's own article advises (duplicates, its range, the server's
 * own ports) and each refusal is shown in words at its field. What other articles advise about
 * the ports is shown with the file, followed or not, side by side.
 */
export function artifactForm(workaround: WorkaroundResult, articleId: string): HTMLElement {
  const { fileName, href } = workaround.artifact!;
  const fields = h('div', { class: 'fields' }, 'Loading the file’s settings…');
  const result = h('div', { class: 'artifact-result', role: 'status' });
  const inputs: HTMLInputElement[] = [];
  let shown: Field[] = [];
  const form = h(
    'form',
    { class: 'artifact', 'data-artifact': fileName, novalidate: true },
    h('p', {}, 'Configuration file: ', h('code', {}, fileName)),
    fields,
    h('button', { type: 'submit' }, `Download ${fileName}`),
    result,
  );
  contract ??= api.contract();
  Promise.all([contract, api.article(articleId)]).then(
    ([document, article]) => {
      const parameters = (document.paths[href]?.get?.parameters ?? []).filter((p) => p.in === 'query');
      const groups = fieldGroups(parameters, settingWords(article, workaround.id.slice(articleId.length + 1)));
      shown = groups.flatMap((group) => group.fields);
      fill(
        fields,
        groups.map((group) => groupView(group, workaround.id, inputs)),
      );
    },
    (error: Error) => fill(fields, `The file’s settings could not be loaded: ${error.message}`),
  );
  form.addEventListener('submit', (event) => void onSubmit(event));
  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    for (const input of inputs) {
      input.removeAttribute('aria-invalid');
      fieldError(input).hidden = true;
    }
    const query = Object.fromEntries(inputs.filter((input) => input.value.trim()).map((input) => [input.name, input.value.trim()]));
    try {
      const file = await api.file(href, query);
      const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
      const link = h('a', { href: URL.createObjectURL(new Blob([bytes], { type: file.mediaType })), download: fileName }, `Save ${fileName} again`);
      fill(result, `${fileName} is ready. `, link, adviceView(file.advice, shown));
      link.click();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      fill(result, refusalView(error, inputs, shown));
    }
  }
  return form;
}

/** A group of fields: the required ones as they are, optional ones under their heading, folded unless the group is the first. */
function groupView(group: FieldGroup, workaroundId: string, inputs: HTMLInputElement[]): HTMLElement {
  const fields = group.fields.map((field) => {
    const id = `${workaroundId}-${field.name}`.replace(/[^A-Za-z0-9-]/g, '-');
    const input = h('input', { id, name: field.name, inputmode: 'numeric', required: field.required, 'aria-describedby': `${id}-help ${id}-error` });
    inputs.push(input);
    return h(
      'p',
      { class: 'field' },
      h('label', { for: id }, field.label, field.required ? ' (required)' : ''),
      input,
      h('small', { id: `${id}-help` }, field.help),
      h('small', { id: `${id}-error`, class: 'problem field-error', hidden: true }),
    );
  });
  if (!group.heading) return h('div', { class: 'field-group' }, fields);
  return h('details', { class: 'field-group', open: group.open }, h('summary', {}, group.heading, ' (optional)'), fields);
}

const fieldError = (input: HTMLInputElement) => input.parentElement!.querySelector<HTMLElement>('.field-error')!;

/**
 * The service's refusal in words: each field's error at the field (and its group unfolded), and a
 * list naming each field by its label; a refusal of no one field (choose at least one port) as it is.
 */
function refusalView(error: ApiProblem, inputs: HTMLInputElement[], fields: Field[]): HTMLElement[] {
  const errors = error.problem.errors ?? [];
  if (!errors.length) return [h('p', { class: 'problem' }, error.problem.detail)];
  const items = errors.map((e) => {
    const name = e.pointer.startsWith('/query/') ? e.pointer.slice('/query/'.length) : undefined;
    const field = fields.find((f) => f.name === name);
    const input = inputs.find((i) => i.name === name);
    const detail = inWords(e.detail, fields);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const at = fieldError(input);
      at.textContent = detail;
      at.hidden = false;
      input.closest('details')?.setAttribute('open', '');
    }
    return h('li', {}, field ? `${field.label}: ${detail}` : sentence(detail));
  });
  return [h('p', { class: 'problem' }, 'The service did not write the file:'), h('ul', { class: 'problem' }, items)];
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** Other articles' advice on the chosen ports: what is not followed first, each with its article and words. */
function adviceView(advice: ConfigurationFile['advice'], fields: Field[]): HTMLElement | null {
  if (!advice.length) return null;
  const rank = (a: ConfigurationFile['advice'][number]) => (a.followed === false ? 0 : a.followed === null ? 1 : 2);
  const ordered = [...advice].sort((a, b) => rank(a) - rank(b));
  const label = (setting: string) => fields.find((f) => f.name === setting)?.label ?? setting;
  return h(
    'div',
    { class: 'port-advice' },
    h('p', {}, 'Other articles on these Exchange versions advise:'),
    h(
      'ul',
      {},
      ordered.map((a) =>
        h(
          'li',
          { 'data-followed': String(a.followed) },
          h('span', { class: `badge ${a.followed ? 'yes' : 'open'}` }, a.followed === null ? 'Advice' : a.followed ? 'Followed' : 'Not followed'),
          ` ${label(a.setting)}, ${a.port}: ${a.article} ${a.advice === 'consider' ? 'says' : `${a.advice === 'use' ? 'advises' : 'advises against'} ${a.from}-${a.to}`}. ${a.text}`,
          a.derived ? h('span', { class: 'derived', title: a.derived }, ' (derived)') : null,
        ),
      ),
    ),
  );
}
