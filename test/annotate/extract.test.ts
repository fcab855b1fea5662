import { extractFacts } from '../../src/annotate/extract';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

const extract = (body: string, subject = '') => {
  const { kb } = bundledKnowledgeBase();
  return extractFacts({ subject, body }, kb.extraction, kb.vocabulary);
};
const values = (body: string) => Object.fromEntries(Object.entries(extract(body)).map(([k, v]) => [k, v.value]));

describe('extracting facts from ticket text', () => {
  it.each([
    ['Outlook 2003', { clientKind: 'outlook', outlookVersion: '2003' }],
    ['OL2007 users', { clientKind: 'outlook', outlookVersion: '2007' }],
    ['Outlook XP', { clientKind: 'outlook', outlookVersion: '2002' }],
    ['Exchange 5.5 box', { exchangeVersion: '5.5' }],
    ['our E2K3 server', { exchangeVersion: '2003' }],
    ['Exchange Server 2003 SP2', { exchangeVersion: '2003' }],
    ['the Exchange client', { clientKind: 'exchange-client' }],
    ['Outlook Web Access works', {}],
    ['Windows Mobile devices using Direct Push', { clientKind: 'activesync-device' }],
  ])('versions and clients: %p', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['behind ISA Server 2004', 'windows-nt'],
    ['through Microsoft Proxy Server', 'windows-nt'],
    ['a SonicWall does it', 'non-windows'],
    ['a Cisco ASA in front', 'non-windows'],
    ['an iptables box', 'non-windows'],
    ['there is no firewall between them', 'none'],
  ])('firewall products map to a platform: %p', (text, platform) => {
    // In a ticket about an Exchange client: elsewhere network facts describe something else.
    expect(values(`Outlook fails ${text}`).firewallPlatform).toBe(platform);
  });

  it.each([
    ['we use PAT', 'many-to-one'],
    ['Linux masquerade', 'many-to-one'],
    ['port forwarding of 443', 'port-forwarding'],
    ['a static NAT for the mail server', 'one-to-one'],
    ['one-to-one NAT on the Juniper', 'one-to-one'],
    ['we don\'t use NAT', 'none'],
    ['There is no NAT in between', 'none'],
  ])('NAT wording: %p', (text, mode) => {
    expect(values(`Outlook fails. ${text}`).natMode).toBe(mode);
  });

  it.each([
    ['port 135 is not blocked', true],
    ['Port 135 is open on the PIX', true],
    ['port 135 is blocked', false],
    ['the ISP blocks TCP port 135', false],
    ['we closed the RPC endpoint mapper port (135)', false],
  ])('port 135: %p', (text, reachable) => {
    expect(values(`Outlook fails. ${text}`).port135Reachable).toBe(reachable);
  });

  it('NAT named without its mode says there is translation and leaves the mode to be asked', () => {
    expect(values('Outlook fails. the firewall does NAT')).toMatchObject({ addressTranslation: true });
    expect(values('Outlook fails. the firewall does NAT').natMode).toBeUndefined();
    // "no NAT" says the mode, none, from which addressTranslation is derived: it is not read twice.
    expect(values("Outlook fails. we don't use NAT")).toMatchObject({ natMode: 'none' });
    expect(values("Outlook fails. we don't use NAT").addressTranslation).toBeUndefined();
  });

  it('negation and hedging do not produce the opposite fact', () => {
    expect(values('no certificate prompt though, the phones just fail to sync').symptoms).toEqual(['sync-fails']);
    // The public address is static or dynamic, nothing else: not one is the other.
    expect(values("We don't have a dynamic IP").publicAddressAssignment).toBe('static');
    expect(values('Outlook 2010 connects fine').symptoms).toBeUndefined();
  });

  it('IP addresses go to the server or the client by the words before them, classified later like given ones', () => {
    expect(values('the Exchange server is 10.0.0.5, my laptop is 192.168.0.23')).toMatchObject({ serverAddress: '10.0.0.5', clientAddress: '192.168.0.23' });
    expect(values('static public IP 81.2.69.160')).toEqual({ publicAddressAssignment: 'static' });
    expect(values('the version is 10.0.0.1a or 300.1.1.1')).toEqual({});
  });

  it('evidence gives the field, the exact text and its offsets', () => {
    const body = 'Since Monday Outlook 2003 cannot connect.';
    const facts = extract(body, 'Help with Outlook');
    expect(facts.outlookVersion.evidence).toEqual([{ field: 'body', text: 'Outlook 2003', start: 13, end: 25 }]);
    expect(body.slice(13, 25)).toBe('Outlook 2003');
    expect(facts.clientKind.evidence[0]).toEqual({ field: 'subject', text: 'Outlook', start: 10, end: 17 });
    expect(facts.symptoms).toMatchObject({ value: ['cannot-connect'], confidence: expect.any(Number) });
  });

  it('the most confident match decides a fact: "one-to-one NAT" is one-to-one, not NAT in general', () => {
    const facts = extract('Outlook fails. We use one-to-one NAT.');
    expect(facts.natMode.value).toBe('one-to-one');
    expect(facts.natMode.evidence.map((e) => e.text)).toEqual(['one-to-one NAT']);
  });
});
