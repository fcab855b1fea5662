import { expect } from '@jest/globals';
import ini from 'ini';
import { TestApi, type Schemas } from '../harness/api';
import { artifactNames, generateArtifact } from '../src/artifacts/generate';
import { configurationFile } from '../src/app/configuration-file';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { Diagnoser } from '../src/engine/diagnose';
import { buildKnowledgeBase } from '../src/kb/load';
import { readRulesDir } from '../src/kb/rules-dir';
import { bundledRulesDir } from '../src/paths';
import { adviceOnVersions } from './support/rules-queries';

type ConfigurationFile = Schemas['ConfigurationFile'];
type DiagnoseResponse = Schemas['DiagnoseResponse'];
type Problem = Schemas['Problem'];

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

/** Reads a registry export: UTF-16LE with a BOM, [key] sections, "name"=dword:hex values. */
function parseRegistryExport(bytes: Buffer): { header: string; keys: Record<string, Record<string, number>>; comments: string[] } {
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
  const keys: Record<string, Record<string, number>> = {};
  const comments: string[] = [];
  let current: Record<string, number> | undefined;
  for (const line of lines.slice(1)) {
    const section = /^\[(.+)\]$/.exec(line);
    const value = /^"(.+)"=dword:([0-9a-f]{8})$/.exec(line);
    if (section) keys[section[1]!] = current = {};
    else if (value) current![value[1]!] = parseInt(value[2]!, 16);
    else if (line.startsWith(';')) comments.push(line);
    else expect(line).toBe('');
  }
  return { header: lines[0]!, keys, comments };
}

/** A profile (.prf) as ini reads it: its sections, each of keys with string values. */
const parseProfile = (text: string): Record<string, Record<string, string>> => ini.parse(text);

async function download(path: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Buffer }> {
  const res = await fetch(`${api.baseUrl}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('GET /v1/artifacts/exchange-static-ports.reg', () => {
  it('sets the TCP/IP port of the directory and the information store, in hex, as a registry export', async () => {
    const file = await download('/v1/artifacts/exchange-static-ports.reg?directoryPort=5001&storePort=5002');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/plain; charset=utf-16le');
    expect(file.disposition).toMatch(/^attachment; filename="?exchange-static-ports\.reg"?$/);
    const reg = parseRegistryExport(file.bytes);
    expect(reg.header).toBe('Windows Registry Editor Version 5.00');
    expect(reg.keys).toEqual({
      'HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters': { 'TCP/IP port': 5001 },
      'HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeIS\\ParametersSystem': { 'TCP/IP port': 5002 },
    });
  });

  it('adds the System Attendant when asked (KB148732)', async () => {
    const file = await download('/v1/artifacts/exchange-static-ports.reg?directoryPort=5001&storePort=5002&systemAttendantPort=5003');
    expect(parseRegistryExport(file.bytes).keys['HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters']).toEqual({ 'TCP/IP port': 5003 });
  });

  it("takes KB155831's own example, 5000 and 5001, and shows the other articles' advice on them side by side", async () => {
    const file = await download('/v1/artifacts/exchange-static-ports.reg?directoryPort=5000&storePort=5001');
    expect(file.status).toBe(200);
    const reg = parseRegistryExport(file.bytes);
    expect(reg.keys['HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\MSExchangeDS\\Parameters']).toEqual({ 'TCP/IP port': 5000 });
    expect(reg.comments).toContain(
      '; directoryPort 5000: KB194952 advises against 1024-5000 [derived]: Do not assign static ports in the ephemeral range 1024-5000: a process may hold the port when the Exchange service starts. Not followed.',
    );
    expect(reg.comments).toContain(
      '; directoryPort 5000: KB194952 advises 4900-5000 [derived]: Or select a port number in the 4900-5000 range: programs almost never use the high end of the ephemeral range. Followed.',
    );
    expect(reg.comments).toContain('; directoryPort 5000: KB148732 says: Do not assign ports immediately above the 1023 range (KB148732; it gives no upper bound). Not checked: it gives no range.');

    const res = await api.request<ConfigurationFile>('GET', '/v1/artifacts/exchange-static-ports.reg?directoryPort=5000&storePort=5001', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fileName: 'exchange-static-ports.reg', workaround: 'KB155831.static-directory-and-store-ports' });
    expect(Buffer.from(res.body.content, 'base64')).toEqual(file.bytes);
    const shown = res.body.advice.filter((a) => a.setting === 'directoryPort');
    // Every other article's advice on Exchange 4.0-5.5, as the rules hold it today: an article added
    // with advice on these versions is shown here too.
    const { kb } = bundledKnowledgeBase();
    expect(shown.map((a) => [a.article, a.advice, a.from, a.to])).toEqual(adviceOnVersions(kb.articles, ['4.0', '5.0', '5.5'], 'KB155831.static-directory-and-store-ports'));
    expect(shown.map((a) => [a.article, a.advice, a.from, a.to, a.followed])).toEqual(
      expect.arrayContaining([
        ['KB148732', 'consider', undefined, undefined, null],
        ['KB194952', 'avoid', 1024, 5000, false],
        ['KB194952', 'use', 4900, 5000, true],
      ]),
    );
    // Only advice on the versions the file is for: KB298369 speaks of Exchange 2000 and 2003.
    expect(res.body.advice.map((a) => a.article)).not.toContain('KB298369');
  });

  it.each([
    ['a port below the range KB155831 advises', 'directoryPort=900&storePort=5002', '/query/directoryPort', /900 is outside the range 5000-65535 that KB155831 advises/],
    ['the same port twice', 'directoryPort=5005&storePort=5005', '/query/storePort', /same port as directoryPort/],
    ['a port over 65535', 'directoryPort=70000&storePort=5002', '/query/directoryPort', /from 1 to 65535/],
    ['a missing port', 'directoryPort=5001', '/query/storePort', /is required/],
    ['a port that is not a number', 'directoryPort=50x1&storePort=5002', '/query/directoryPort', /pattern/],
    ['an unknown parameter', 'directoryPort=5001&storePort=5002&isPort=5003', '/query/isPort', /not a parameter/],
  ])('refuses %s with a 400 naming it and the advice', async (_case, query, pointer, detail) => {
    const res = await api.get<Problem>(`/v1/artifacts/exchange-static-ports.reg?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer, detail: expect.stringMatching(detail) }));
  });
});

describe('a configuration file without a port it requires', () => {
  it('is a 400 naming the missing parameter and what it is, not a refusal of the advice', async () => {
    const res = await api.get<Schemas['Problem']>('/v1/artifacts/exchange-static-ports.reg?storePort=6001');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '/query/directoryPort', detail: 'is required: static port of the Exchange Directory service (MSExchangeDS)' }]);
    expect(res.body.detail).toBe(
      'The query string does not suit GET /v1/artifacts/exchange-static-ports.reg: /query/directoryPort is required: static port of the Exchange Directory service (MSExchangeDS).',
    );
  });

  it("is refused by the use case in the article's words when no contract check came first (the command line)", () => {
    const { kb } = bundledKnowledgeBase();
    expect(() => configurationFile(kb, 'exchange-2000-2003-static-ports.reg', {})).toThrow(
      'exchange-2000-2003-static-ports.reg cannot be written with these ports: /query/referralPort is required: static port of the Microsoft Exchange SA RFR (referral) interface.',
    );
  });
});

describe('GET /v1/artifacts/outlook-static-ports.prf', () => {
  it('uncomments the chosen keys of [ServiceEGS] in the article template, every other value unchanged', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&tcpReferralPort=6002&tcpDirectoryPort=6004');
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/^attachment; filename="?outlook-static-ports\.prf"?$/);
    const text = file.bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const prf = parseProfile(text);
    expect(prf.ServiceEGS).toEqual({ TCPExchangePort: '6001', TCPReferralPort: '6002', TCPDirectoryPort: '6004' });
    expect(prf.General).toEqual({ Custom: '1', DefaultProfile: 'Yes', OverwriteProfile: 'Append', ModifyDefaultProfileIfPresent: 'TRUE' });
    expect(prf['Service List']).toEqual({ ServiceEGS: 'Exchange Global Section' });
    expect(prf['Exchange Global Section']?.TCPExchangePort).toBe('PT_I2,0x662c');
    expect(prf['Microsoft Exchange Server']?.MDBGUID).toBe('5494A1C0297F101BA58708002B2A2517');
  });

  it('sets the HTTP variants when asked, checking them apart from the TCP ones', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&httpExchangePort=6001');
    expect(parseProfile(file.bytes.toString('utf8')).ServiceEGS).toEqual({ TCPExchangePort: '6001', HTTPExchangePort: '6001' });
  });

  it('accepts profile ports equal to the server ports given with them', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&tcpDirectoryPort=6004&serverExchangePort=6001&serverDirectoryPort=6004');
    expect(file.status).toBe(200);
    expect(parseProfile(file.bytes.toString('utf8')).ServiceEGS).toEqual({ TCPExchangePort: '6001', TCPDirectoryPort: '6004' });
  });

  it('refuses profile ports that differ from the server ports given with them, or are missing', async () => {
    const res = await api.get<Problem>('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&serverExchangePort=6011&serverReferralPort=6002');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/query/tcpExchangePort', detail: expect.stringMatching(/must be 6011, the port configured on the Exchange server/) }),
      expect.objectContaining({ pointer: '/query/tcpReferralPort', detail: expect.stringMatching(/must be 6002/) }),
    ]);
  });

  it.each([
    ['no port at all', '', '/query'],
    ['a port over 65535', 'tcpExchangePort=70000', '/query/tcpExchangePort'],
    ['two keys on one port', 'tcpExchangePort=6001&tcpReferralPort=6001', '/query/tcpReferralPort'],
  ])('refuses %s with a 400', async (_case, query, pointer) => {
    const res = await api.get<Problem>(`/v1/artifacts/outlook-static-ports.prf${query ? `?${query}` : ''}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.pointer)).toContain(pointer);
  });
});

describe('links from the workarounds', () => {
  it('the workaround that calls for a file links to it', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', {
      facts: { clientKind: 'outlook', outlookVersion: '2003', exchangeVersion: '2003', port135Reachable: false, symptoms: ['cannot-connect'] },
    });
    expect(res.body.diagnoses[0]?.workarounds[0]?.artifact).toEqual({ fileName: 'outlook-static-ports.prf', href: '/v1/artifacts/outlook-static-ports.prf' });
  });
});

describe('GET /v1/artifacts/exchange-2000-2003-static-ports.reg', () => {
  it('sets the System Attendant RFR port, the value KB270836 gives', async () => {
    const file = await download('/v1/artifacts/exchange-2000-2003-static-ports.reg?referralPort=6002');
    expect(file.status).toBe(200);
    expect(parseRegistryExport(file.bytes).keys).toEqual({
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\MSExchangeSA\\Parameters': { 'TCP/IP Port': 6002 },
    });
  });

  it('refuses nothing KB270836 does not: a port in the ephemeral range is taken; no article on Exchange 2000/2003 advises on these ports', async () => {
    const res = await api.request<ConfigurationFile>('GET', '/v1/artifacts/exchange-2000-2003-static-ports.reg?referralPort=2000', { headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    // KB298369's 1024-5000 is about the global catalog's NSPI port, which this file does not set.
    expect(res.body.advice).toEqual([]);
  });
});

describe('the files come from the knowledge base', () => {
  const source = readRulesDir(bundledRulesDir);

  it('serves the files its workarounds call for, and no other', async () => {
    expect(artifactNames(buildKnowledgeBase(source))).toEqual(['exchange-static-ports.reg', 'exchange-2000-2003-static-ports.reg', 'outlook-static-ports.prf']);
    const edited = structuredClone(source);
    const article = edited.articles['KB833799.json'] as { workarounds: { artifact?: string }[] };
    for (const workaround of article.workarounds) delete workaround.artifact;
    const kb = buildKnowledgeBase(edited);
    expect(artifactNames(kb)).not.toContain('outlook-static-ports.prf');
    const api = await TestApi.start({ snapshot: { kb, diagnoser: new Diagnoser(kb) } });
    try {
      const res = await api.get<Problem>('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001');
      expect(res.status).toBe(404);
      expect(res.body.detail).toMatch(/calls for outlook-static-ports\.prf; it has: exchange-static-ports\.reg, exchange-2000-2003-static-ports\.reg/);
    } finally {
      await api.close();
    }
  });

  it("checks each family of a profile's keys on its own, as the knowledge base groups them", () => {
    const edited = structuredClone(source);
    const keys = (edited.articles['KB833799.json'] as { workarounds: { details?: { profile?: { keys: { family: string }[] } } }[] }).workarounds.find((w) => w.details?.profile)!.details!.profile!
      .keys;
    // One family: the TCP and HTTP ports are now held to the advice together, so the same port twice is a clash.
    for (const key of keys) key.family = 'all';
    const together = generateArtifact(buildKnowledgeBase(edited), 'outlook-static-ports.prf', { tcpExchangePort: 6001, httpExchangePort: 6001 });
    const apart = generateArtifact(buildKnowledgeBase(source), 'outlook-static-ports.prf', { tcpExchangePort: 6001, httpExchangePort: 6001 });
    expect(apart.ok).toBe(true);
    expect(together.ok).toBe(false);
  });
});
