import ini from 'ini';
import { TestApi } from './support/api';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

/** Reads a registry export: UTF-16LE with a BOM, [key] sections, "name"=dword:hex values. */
function parseRegistryExport(bytes: Buffer): { header: string; keys: Record<string, Record<string, number>> } {
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const lines = bytes.subarray(2).toString('utf16le').split('\r\n');
  const keys: Record<string, Record<string, number>> = {};
  let current: Record<string, number> | undefined;
  for (const line of lines.slice(1)) {
    const section = /^\[(.+)\]$/.exec(line);
    const value = /^"(.+)"=dword:([0-9a-f]{8})$/.exec(line);
    if (section) keys[section[1]] = current = {};
    else if (value) current![value[1]] = parseInt(value[2], 16);
    else expect(line).toBe('');
  }
  return { header: lines[0], keys };
}

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

  it.each([
    ['a port in the ephemeral range', 'directoryPort=5000&storePort=5002', '#/query/directoryPort', /1024-5000 to avoid \(KB194952/],
    ['a port below the recommended range', 'directoryPort=900&storePort=5002', '#/query/directoryPort', /outside the recommended range 5000-65535 \(KB155831/],
    ['the same port twice', 'directoryPort=5005&storePort=5005', '#/query/storePort', /same port as directoryPort/],
    ['a port over 65535', 'directoryPort=70000&storePort=5002', '#/query/directoryPort', /from 1 to 65535/],
    ['a missing port', 'directoryPort=5001', '#/query/storePort', /is required/],
    ['a port that is not a number', 'directoryPort=50x1&storePort=5002', '#/query/directoryPort', /pattern/],
    ['an unknown parameter', 'directoryPort=5001&storePort=5002&isPort=5003', '#/query/isPort', /not a parameter/],
  ])('refuses %s with a 400 naming it and the advice', async (_case, query, pointer, detail) => {
    const res = await api.get(`/v1/artifacts/exchange-static-ports.reg?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer, detail: expect.stringMatching(detail) }));
  });
});

describe('GET /v1/artifacts/outlook-static-ports.prf', () => {
  it('uncomments the chosen keys of [ServiceEGS] in the article template, every other value unchanged', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&tcpReferralPort=6002&tcpDirectoryPort=6004');
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/^attachment; filename="?outlook-static-ports\.prf"?$/);
    const text = file.bytes.toString('utf8');
    expect(text).toContain('\r\n');
    const prf = ini.parse(text);
    expect(prf.ServiceEGS).toEqual({ TCPExchangePort: '6001', TCPReferralPort: '6002', TCPDirectoryPort: '6004' });
    expect(prf.General).toEqual({ Custom: '1', DefaultProfile: 'Yes', OverwriteProfile: 'Append', ModifyDefaultProfileIfPresent: 'TRUE' });
    expect(prf['Service List']).toEqual({ ServiceEGS: 'Exchange Global Section' });
    expect(prf['Exchange Global Section'].TCPExchangePort).toBe('PT_I2,0x662c');
    expect(prf['Microsoft Exchange Server'].MDBGUID).toBe('5494A1C0297F101BA58708002B2A2517');
  });

  it('sets the HTTP variants when asked, checking them apart from the TCP ones', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&httpExchangePort=6001');
    expect(ini.parse(file.bytes.toString('utf8')).ServiceEGS).toEqual({ TCPExchangePort: '6001', HTTPExchangePort: '6001' });
  });

  it('accepts profile ports equal to the server ports given with them', async () => {
    const file = await download('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&tcpDirectoryPort=6004&serverExchangePort=6001&serverDirectoryPort=6004');
    expect(file.status).toBe(200);
    expect(ini.parse(file.bytes.toString('utf8')).ServiceEGS).toEqual({ TCPExchangePort: '6001', TCPDirectoryPort: '6004' });
  });

  it('refuses profile ports that differ from the server ports given with them, or are missing', async () => {
    const res = await api.get('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&serverExchangePort=6011&serverReferralPort=6002');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '#/query/tcpExchangePort', detail: expect.stringMatching(/must be 6011, the port configured on the Exchange server/) }),
      expect.objectContaining({ pointer: '#/query/tcpReferralPort', detail: expect.stringMatching(/must be 6002/) }),
    ]);
  });

  it.each([
    ['no port at all', '', '#/query'],
    ['a port in the ephemeral range', 'tcpExchangePort=4000', '#/query/tcpExchangePort'],
    ['two keys on one port', 'tcpExchangePort=6001&tcpReferralPort=6001', '#/query/tcpReferralPort'],
  ])('refuses %s with a 400', async (_case, query, pointer) => {
    const res = await api.get(`/v1/artifacts/outlook-static-ports.prf${query ? `?${query}` : ''}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.pointer)).toContain(pointer);
  });
});

describe('links from the workarounds', () => {
  it('the workaround that calls for a file links to it', async () => {
    const res = await api.post('/v1/diagnose', { facts: { clientKind: 'outlook', outlookVersion: '2003', port135Reachable: false, symptoms: ['cannot-connect'] } });
    expect(res.body.diagnoses[0].workarounds[0].artifact).toEqual({ fileName: 'outlook-static-ports.prf', href: '/v1/artifacts/outlook-static-ports.prf' });
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

  it('refuses a port in the ephemeral range', async () => {
    const res = await api.get('/v1/artifacts/exchange-2000-2003-static-ports.reg?referralPort=2000');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ pointer: '#/query/referralPort', detail: expect.stringMatching(/1024-5000 to avoid/) });
  });
});
