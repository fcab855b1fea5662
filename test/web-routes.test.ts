import { TestApi, type Schemas } from '../harness/api';

let open: TestApi;
let keyed: TestApi;
beforeAll(async () => {
  open = await TestApi.start();
  keyed = await TestApi.start({ apiKeys: ['k'] });
}, 60_000);
afterAll(async () => {
  await open.close();
  await keyed.close();
});

// The pages' files are not API operations, so they are fetched as they are (bodies read, so
// that the connection is free again) rather than checked against the contract.
async function raw(api: TestApi, path: string) {
  const res = await fetch(`${api.baseUrl}${path}`, { redirect: 'manual' });
  await res.arrayBuffer();
  return res;
}

describe('the pages and their files', () => {
  // (The compiled scripts under /assets/page/ are loaded by the browser tests, which build them.)
  it.each([['/'], ['/stats'], ['/docs/'], ['/assets/style.css'], ['/docs/swagger-ui-bundle.js']])('%s is served without an API key, under the security headers', async (path) => {
    const res = await raw(keyed, path);
    expect(res.status).toBe(200);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    // Plain HTTP on an intranet name must keep working: no upgrade to an HTTPS port that is not there.
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Ignored over plain HTTP, with an error in the browser's console on every page.
    expect(res.headers.get('cross-origin-opener-policy')).toBeNull();
  });

  it('the API behind the pages still needs the key', async () => {
    expect((await keyed.get('/v1/facts')).status).toBe(401);
  });

  it('sends /docs to /docs/, where the reference’s relative links resolve', async () => {
    const res = await raw(open, '/docs');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('docs/');
  });

  it.each([
    ['the package’s demo page', '/docs/index.html'],
    ['a missing asset', '/assets/nothing.js'],
  ])('%s is a 404 problem', async (_what, path) => {
    const res = await open.get<Schemas['Problem']>(path);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('another method on a page is a 404 problem, as for any route the service does not have', async () => {
    const res = await open.request<Schemas['Problem']>('POST', '/', { json: {} });
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/No route POST \//);
  });
});
