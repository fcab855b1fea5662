import { api, ApiProblem, type ConfigurationFile, type OpenApiDocument, type WorkaroundResult } from './api.js';
import { h, fill } from './dom.js';

let contract: Promise<OpenApiDocument> | undefined;

/**
 * The form that fetches a workaround's configuration file. Its fields are the query parameters
 * openapi.json gives for the file's operation, so a new parameter needs no change here; the
 * service checks the ports as the workaround's own article advises (duplicates, its range, the
 * server's own ports) and its problem is shown next to the fields. What other articles advise
 * about the ports is shown with the file, followed or not, side by side.
 */
export function artifactForm(workaround: WorkaroundResult): HTMLElement {
  const { fileName, href } = workaround.artifact!;
  const fields = h('div', { class: 'fields' }, 'Loading the file’s settings…');
  const result = h('div', { class: 'artifact-result', role: 'status' });
  const inputs: HTMLInputElement[] = [];
  const form = h(
    'form',
    { class: 'artifact', 'data-artifact': fileName, novalidate: true },
    h('p', {}, 'Configuration file: ', h('code', {}, fileName)),
    fields,
    h('button', { type: 'submit' }, `Download ${fileName}`),
    result,
  );
  contract ??= api.contract();
  contract.then(
    (document) => {
      const parameters = (document.paths[href]?.get?.parameters ?? []).filter((p) => p.in === 'query');
      fill(
        fields,
        parameters.map((parameter) => {
          const id = `${workaround.id}-${parameter.name}`.replace(/[^A-Za-z0-9-]/g, '-');
          const input = h('input', { id, name: parameter.name, inputmode: 'numeric', required: parameter.required, 'aria-describedby': `${id}-help` });
          inputs.push(input);
          return h('p', { class: 'field' }, h('label', { for: id }, parameter.name, parameter.required ? ' (required)' : ''), input, h('small', { id: `${id}-help` }, parameter.description ?? ''));
        }),
      );
    },
    (error: Error) => fill(fields, `The file’s settings could not be loaded: ${error.message}`),
  );
  form.addEventListener('submit', (event) => void onSubmit(event));
  async function onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    inputs.forEach((input) => input.removeAttribute('aria-invalid'));
    const query = Object.fromEntries(inputs.filter((input) => input.value.trim()).map((input) => [input.name, input.value.trim()]));
    try {
      const file = await api.file(href, query);
      const bytes = Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
      const link = h('a', { href: URL.createObjectURL(new Blob([bytes], { type: file.mediaType })), download: fileName }, `Save ${fileName} again`);
      fill(result, `${fileName} is ready. `, link, adviceView(file.advice));
      link.click();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      const errors = error.problem.errors ?? [];
      for (const fieldError of errors) inputs.find((input) => fieldError.pointer === `/query/${input.name}`)?.setAttribute('aria-invalid', 'true');
      fill(
        result,
        h('p', { class: 'problem' }, error.problem.detail),
        errors.length
          ? h(
              'ul',
              { class: 'problem' },
              errors.map((e) => h('li', {}, `${e.pointer.replace('/query/', '')}: ${e.detail}`)),
            )
          : null,
      );
    }
  }
  return form;
}

/** Other articles' advice on the chosen ports: what is not followed first, each with its article and words. */
function adviceView(advice: ConfigurationFile['advice']): HTMLElement | null {
  if (!advice.length) return null;
  const rank = (a: ConfigurationFile['advice'][number]) => (a.followed === false ? 0 : a.followed === null ? 1 : 2);
  const ordered = [...advice].sort((a, b) => rank(a) - rank(b));
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
          ` ${a.setting} ${a.port}: ${a.article} ${a.advice === 'consider' ? 'says' : `${a.advice === 'use' ? 'advises' : 'advises against'} ${a.from}-${a.to}`}. ${a.text}`,
          a.derived ? h('span', { class: 'derived', title: a.derived }, ' (derived)') : null,
        ),
      ),
    ),
  );
}
