import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIV3_1 } from 'openapi-types';
import { TestApi, type Schemas } from '../harness/api';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

function refsOf(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => refsOf(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsOf(value, found);
    }
  }
  return found;
}

function at(document: object, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

describe('GET /openapi.json', () => {
  it('is self-contained: every $ref points inside the document and resolves', async () => {
    const { body } = await api.get<OpenAPIV3_1.Document>('/openapi.json');
    const refs = refsOf(body);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\//);
      expect(at(body, ref)).toBeDefined();
    }
    // The knowledge base's article schema is copied in, not referred to.
    expect(at(body, '#/components/schemas/Article/required')).toContain('id');
    expect(at(body, '#/components/schemas/Article.details')).toBeDefined();
  });

  it('validates what the service answers with nothing but itself', async () => {
    const { body: document } = await api.get<OpenAPIV3_1.Document>('/openapi.json');
    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true });
    addFormats(ajv);
    ajv.addSchema(document, 'openapi.json');
    const article = await api.get<Schemas['ArticleResponse']>('/v1/articles/KB155831');
    const validate = ajv.getSchema('openapi.json#/components/schemas/ArticleResponse')!;
    expect(validate(article.body)).toBe(true);
    const diagnosis = await api.post<Schemas['DiagnoseResponse']>('/v1/diagnose', {
      facts: { clientKind: 'exchange-client', exchangeVersion: '5.5', firewallPlatform: 'non-windows', symptoms: ['cannot-connect'] },
    });
    expect(diagnosis.body.diagnoses[0]?.workarounds.some((w) => w.details)).toBe(true);
    expect(ajv.getSchema('openapi.json#/components/schemas/DiagnoseResponse')!(diagnosis.body)).toBe(true);
    // And it rejects what it should: the published schema is not vacuous.
    expect(validate({ ...article.body, article: { ...article.body.article, id: 7 } })).toBe(false);
  });
});
