import { readTicket } from '../../src/annotate/extract';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { tokenize } from '../../src/annotate/language';

// How tickets written by people who never saw the patterns are read: the wordings the blind
// corpus showed, and the rules behind them (lexicons with sources, negation scope from the
// tokenizer, hedges, the client's side of the path, addresses by role, the topic of a ticket).
const read = (body: string, subject = '') => {
  const { kb } = bundledKnowledgeBase();
  return readTicket({ subject, body }, kb.extraction, kb.vocabulary);
};
const values = (body: string, subject = '') => Object.fromEntries(Object.entries(read(body, subject).facts).map(([k, v]) => [k, v.value]));

describe('wordings a new user writes', () => {
  it.each([
    ['The connection to Microsoft Exchange is unavailable', { symptoms: ['cannot-connect'] }],
    ['We cannot talk to the Exchange server', { symptoms: ['cannot-connect'] }],
    ['Outlook 2007 won’t connect', { clientKind: 'outlook', outlookVersion: '2007', symptoms: ['cannot-connect'] }],
    ['Exchange 2003. i cant reach port 135 from home', { exchangeVersion: '2003', port135Reachable: false }],
    ['Exchange 2003. Telnet to port 135 times out', { exchangeVersion: '2003', port135Reachable: false }],
    ['Exchange 2003. telnet 203.0.113.25 135 connects fine', { exchangeVersion: '2003', port135Reachable: true }],
    ['Name resolution of the Exchange server fails', { symptoms: ['name-resolution-fails'] }],
    ['"The name could not be resolved."', { symptoms: ['name-resolution-fails'] }],
    ['iPhone says Cannot Verify Server Identity', { clientKind: 'activesync-device', symptoms: ['certificate-warning'] }],
    ['ActiveSync encountered a problem on the server. Support code: 0x85010014', { clientKind: 'activesync-device', symptoms: ['sync-fails'] }],
  ])('%p', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });
});

describe('lexicons', () => {
  it.each([
    ['behind Forefront TMG 2010', 'windows-nt'],
    ['a win2k3 box running RRAS', 'windows-nt'],
    ['Kerio WinRoute does the NAT', 'windows-nt'],
    ['our FortiGate-200B', 'non-windows'],
    ['between two FortiGates', 'non-windows'],
    ['Check Point FireWall-1 on Windows NT 4', 'windows-nt'],
    ['Check Point UTM-1 appliance', 'non-windows'],
    ['a Raptor firewall (Solaris)', 'non-windows'],
    ['a Palo Alto PA-3020', 'non-windows'],
  ])('firewall products by their platform: %p', (text, platform) => {
    expect(values(`Outlook fails ${text}`).firewallPlatform).toBe(platform);
  });

  it('a Check Point whose platform is not named gives no platform, and is listed so the agent asks', () => {
    const reading = read('Outlook cannot connect through our Check Point');
    expect(reading.facts.firewallPlatform).toBeUndefined();
    expect(reading.context.map((c) => c.id)).toContain('check-point');
  });

  it.each([
    ['Exch 2k3', { exchangeVersion: '2003' }],
    ['SBS 2003 R2', { exchangeVersion: '2003' }],
    ['SBS 2008', { exchangeVersion: '2007' }],
    ['the Exchange server is 2003', { exchangeVersion: '2003' }],
    ['OWA 5.5 on its own box', { clientKind: 'owa-server', exchangeVersion: '5.5' }],
    ['OL2K3 laptops', { clientKind: 'outlook', outlookVersion: '2003' }],
    ['Outlook (Office 365 ProPlus)', { clientKind: 'outlook', outlookVersion: '365' }],
  ])('version aliases: %p', (text, expected) => {
    expect(values(text)).toMatchObject(expected);
  });

  it.each([
    ['a MIP on the NetScreen', 'one-to-one'],
    ['PIX: static (inside,outside) 198.51.100.10 172.16.1.10 netmask 255.255.255.255', 'one-to-one'],
    ['ip nat inside source static tcp 192.168.1.3 135 interface Dialer0 135', 'port-forwarding'],
    ['Check Point hide NAT', 'many-to-one'],
    ['ipchains masquerading', 'many-to-one'],
    ['the router forwards 443 to 192.168.1.5', 'port-forwarding'],
    ['iptables DNAT 443 -> 192.168.100.25', 'port-forwarding'],
    ['ISA server publishing rule', 'port-forwarding'],
    ['client and server on the same LAN', 'none'],
  ])('NAT wording per mode: %p', (text, mode) => {
    expect(values(`Outlook fails. ${text}`).natMode).toBe(mode);
  });
});

describe('negation scope', () => {
  it.each([
    ["we are not using ISA, it's a FortiGate", 'non-windows'],
    ['we aren’t using ISA but a SonicWall', 'non-windows'],
    ['Outlook cannot connect to Exchange 2003 since we installed the ASA', 'non-windows'],
  ])('a negation reaches the words just after it in its clause, not past a break: %p', (text, platform) => {
    expect(values(`Outlook fails. ${text}`).firewallPlatform).toBe(platform);
  });

  it('contractions read as "not" however they are spelled', () => {
    for (const text of ["we don't use NAT", 'we dont use NAT', 'there isnt any NAT', 'we don’t use NAT']) expect(values(`Outlook fails. ${text}`).natMode).toBe('none');
  });

  it('a word with letters beyond Latin-1 is one word, not pieces that spell a cue', () => {
    // The tokenizer cuts "całej" into "ca" "ł" "ej", and "ej" is Swedish for "not".
    expect(values('Outlook fails. Firewall robi maskaradę dla całej sieci i przekierowanie portów 25, 135 i 443 na serwer Exchange.').natMode).toBe('port-forwarding');
    expect(tokenize('dla całej sieci').normals).toEqual(['dla', 'całej', 'sieci']);
    expect(tokenize("we can't use ISA").normals).toEqual(['we', 'can', 'not', 'use', 'isa']);
    expect(tokenize('Vi har ej NAT').normals).toEqual(['vi', 'har', 'ej', 'nat']);
  });
});

describe('sentence cues', () => {
  it('a device named in a question about replacing it counts less than the one in place', () => {
    expect(values('Should we replace the NAT firewall with ISA? Outlook fails through the pfSense').firewallPlatform).toBe('non-windows');
  });

  it('a device on the client side counts less than one in front of the server, and still counts alone', () => {
    expect(values('Outlook fails from home. At home I have a Netgear router; the office has ISA 2006').firewallPlatform).toBe('windows-nt');
    expect(values('Outlook fails when I am at home behind my Netgear router').firewallPlatform).toBe('non-windows');
  });

  it('a client said to work gives way to the one that fails', () => {
    expect(values('The iPhones stopped syncing. Outlook on the desktop works.').clientKind).toBe('activesync-device');
  });

  it('network facts in a ticket about something else are left out', () => {
    expect(values('Please add a port forward on the SonicWall from our static IP to the new web server')).toEqual({ publicAddressAssignment: 'static' });
  });
});

describe('addresses by role', () => {
  it("a network in CIDR form is nobody's address; a host written with its prefix is", () => {
    expect(values('The Exchange server network is 10.1.0.0/16').serverAddress).toBeUndefined();
    expect(values('port fwd 135 -> 10.0.0.4/24, server side')).toMatchObject({ serverAddress: '10.0.0.4' });
  });

  it('a cue right after an address says whose it is', () => {
    expect(values('172.16.1.10 is our Exchange 5.5 box').serverAddress).toBe('172.16.1.10');
    expect(values("TCP 135 dropped from 192.168.77.23, that's the test PC").clientAddress).toBe('192.168.77.23');
  });

  it("a gateway, a WAN address or the address a NAT device publishes is nobody's own", () => {
    expect(values('the Exchange server gateway is 10.0.0.1')).not.toHaveProperty('serverAddress');
    expect(values('static NAT 203.0.113.12 <-> 10.1.1.40 for the Exchange CAS').serverAddress).toBe('10.1.1.40');
  });
});

describe('context the vocabulary cannot hold', () => {
  it('is listed with its evidence, and changes no fact', () => {
    const body = 'Outlook for Mac 2011 cannot connect to Exchange Online; over the VPN it works; it keeps asking for the password';
    const { facts, context } = read(body);
    expect(context.map((c) => c.id)).toEqual(expect.arrayContaining(['outlook-for-mac', 'exchange-online', 'vpn-works', 'password-prompts']));
    for (const item of context) {
      expect(item.label).not.toBe('');
      for (const span of item.evidence) expect(body.slice(span.start, span.end)).toBe(span.text);
    }
    expect(facts.outlookVersion).toBeUndefined();
  });

  it('a negated mention is not listed', () => {
    expect(read('We do not use Entourage').context).toEqual([]);
  });
});

describe('evidence', () => {
  it('is in the order of the ticket, each span once, and quotes the ticket as written (curly apostrophes included)', () => {
    const body = 'Phones fail to sync. Outlook won’t connect. Phones fail to sync again.';
    const { facts } = read(body);
    const spans = facts.symptoms!.evidence;
    expect(spans.map((s) => s.start)).toEqual([...spans.map((s) => s.start)].sort((a, b) => a - b));
    expect(new Set(spans.map((s) => `${s.start}:${s.end}`)).size).toBe(spans.length);
    for (const span of spans) expect(body.slice(span.start, span.end)).toBe(span.text);
    expect(spans.map((s) => s.text)).toContainEqual(expect.stringContaining('won’t connect'));
  });
});

describe('capitals beyond ASCII', () => {
  it('read as the lexicons write them, with offsets into the ticket kept', () => {
    const text = 'Android: « ÉCHEC DE LA SYNCHRONISATION ». Outlook 2007: «Не удается открыть набор папок.»';
    const facts = read(text).facts;
    expect(facts.symptoms!.value).toEqual(['cannot-connect', 'sync-fails']);
    for (const span of facts.symptoms!.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
    expect(facts.symptoms!.evidence.map((e) => e.text)).toEqual(['ÉCHEC DE LA SYNCHRONISATION', 'Не удается открыть набор папок']);
  });
});
