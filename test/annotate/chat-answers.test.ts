import { expect } from '@jest/globals';
import { readChatAnswer } from '../support/chat-answer';

// What a chat answer states, read as POST /v1/diagnose reads `text` once the consultation has
// stated the client: each row is wording people use in a chat reply that a ticket rarely has.
const read = async (text: string, facts?: Record<string, unknown>) => Object.fromEntries(Object.entries(await readChatAnswer(text, facts)).map(([name, fact]) => [name, fact.value]));

describe('reading chat answers', () => {
  it.each([
    ['Outlook 11 (2003)', { outlookVersion: '2003' }],
    ['Outlook 12, the 2007 release', { outlookVersion: '2007' }],
    ['we have the Outlook of year 2000 version', { outlookVersion: '2000' }],
    ["it's the Office 2016 volume license Outlook", { outlookVersion: '2016' }],
    ['our outlook is the 2019 one', { outlookVersion: '2019' }],
    ["it's the Outlook that comes with our Microsoft 365 subscription", { outlookVersion: '365' }],
    ['our exchange server is the 2019 version', { exchangeVersion: '2019' }],
    ["it's Exchange version 4", { exchangeVersion: '4.0' }],
    ["the addresses aren't translated, the client sees the server's real IP", { natMode: 'none' }],
    ['nothing does NAT in that path', { natMode: 'none' }],
    ["we don't use any address translation", { natMode: 'none' }],
    ['each public IP maps to one internal machine, static', { natMode: 'one-to-one' }],
    ['all our pcs look like one ip from outside', { natMode: 'many-to-one' }],
    ["we don't have any firewall or proxy in that path", { firewallPlatform: 'none' }],
    ["it's a Windows NT-based firewall", { firewallPlatform: 'windows-nt' }],
    ['the proxy server in between runs on Windows NT', { firewallPlatform: 'windows-nt' }],
    ['the firewall is a dedicated hardware appliance', { firewallPlatform: 'non-windows' }],
    ['the port test to 135 on the mail server failed', { port135Reachable: false }],
    ['i tried the port test and 135 on the mail server answered', { port135Reachable: true }],
    ['the RPC endpoint mapper port on the Exchange server responds', { port135Reachable: true }],
    ['Test-NetConnection to the exchange server on 135 says TcpTestSucceeded True', { port135Reachable: true }],
    ['the endpoint mapper on the Exchange box is not reachable from the client', { port135Reachable: false }],
    ['we set static ports 4900 and 4901', { exchangeStaticPorts: 'ephemeral' }],
    ['TCP/IP Port is set to 4990 for the DS and 4991 for the IS', { exchangeStaticPorts: 'ephemeral' }],
    ['static ports 10001 and 10002 for the store and directory', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['the Exchange services have static ports above 5000', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['the static ports we chose are below 5000', { exchangeStaticPorts: 'ephemeral' }],
    // Versions a few words from their product, and the products' own version numbers.
    ['the Outlook we run is 2010', { outlookVersion: '2010' }],
    ["site contact said their outlook is the '98 release", { outlookVersion: '98' }],
    ['o Outlook é o 2013', { outlookVersion: '2013' }],
    ['Outlook version? 2007 yes', { outlookVersion: '2007' }],
    ['confirmed w/ user - Outlook 12', { outlookVersion: '2007' }],
    ['the 2021 version of outlook', { outlookVersion: '2021' }],
    ['it is the Outlook out of Office 2013 Standard', { outlookVersion: '2013' }],
    ['ol14 / 2010', { outlookVersion: '2010' }],
    ['the Exchange we have is 4.0', { exchangeVersion: '4.0' }],
    ["we're on 5.5 of Exchange (SP3)", { exchangeVersion: '5.5' }],
    ['the Exchange box runs 5.5', { exchangeVersion: '5.5' }],
    ['cust states exchange server version 2013', { exchangeVersion: '2013' }],
    ['o Exchange é o 2000', { exchangeVersion: '2000' }],
    ['Exchange 15.0, so 2013', { exchangeVersion: '2013' }],
    ['the 2010 Exchange server hosts the mailbox', { exchangeVersion: '2010' }],
    ['E2K13', { exchangeVersion: '2013' }],
    // Translation in words, without its mode; NAT as a field or switched off.
    ['the addresses get translated before they reach the email server', { addressTranslation: true }],
    ['address translation happens between my pc and exchange', { addressTranslation: true }],
    ['not sure how NAT is set up', { addressTranslation: true }],
    ['NAT type: none', { natMode: 'none' }],
    ['NAT is disabled on the device between them', { natMode: 'none' }],
    ['zero NAT on the path from the clients to Exchange', { natMode: 'none' }],
    ['path to exch is un-NATed end to end', { natMode: 'none' }],
    ['they do basic NAT, address for address, no port overloading', { natMode: 'one-to-one' }],
    ['they opened a pipe between the public network and our private network', { natMode: 'one-to-one' }],
    ['the whole office goes out through a single address with port translation', { natMode: 'many-to-one' }],
    // Firewalls, the endpoint mapper, static ports, public addresses, symptoms.
    ['fw: none', { firewallPlatform: 'none' }],
    ['neither a proxy nor a firewall sits between the branch and head office', { firewallPlatform: 'none' }],
    ['the firewall/proxy is Windows NT based', { firewallPlatform: 'windows-nt' }],
    ['the firewall is a small black box, it is not a windows computer', { firewallPlatform: 'non-windows' }],
    ['nothing blocks 135 between us and the server', { port135Reachable: true }],
    ['Test-NetConnection to port 135 on the Exchange server comes back TcpTestSucceeded : False', { port135Reachable: false }],
    ['port 135 reachable from client: no', { port135Reachable: false }],
    ['the client can hit the RPC endpoint mapper (tcp/135) on the Exchange box fine', { port135Reachable: true }],
    ['we set the store to 4500 and the directory to 4501', { exchangeStaticPorts: 'ephemeral' }],
    ['exchange services fixed at 8001/8002', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['we fixed the exchange ports and they are all outside 1024-5000', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['portas fixas 1500 e 1501 nos serviços do Exchange', { exchangeStaticPorts: 'ephemeral' }],
    ['the exchange services are on default dynamic ports', { exchangeStaticPorts: 'none' }],
    ['ISP rotates our IP every few hours', { publicAddressAssignment: 'dynamic' }],
    ['static WAN addressing, no DHCP from the ISP', { publicAddressAssignment: 'static' }],
    ['lookups for the exchange server name fail', { symptoms: ['name-resolution-fails'] }],
    ['intra-site rep fails', { symptoms: ['directory-replication-fails'] }],
    ['no static ports were set on Exchange', { exchangeStaticPorts: 'none' }],
    ['the Exchange services still use dynamic RPC ports', { exchangeStaticPorts: 'none' }],
    ['directory replication between the servers in the site fails', { symptoms: ['directory-replication-fails'] }],
    ["the DRA can't synchronize the naming context with the other server", { symptoms: ['directory-replication-fails'] }],
    ["there's a 1720 error from the Exchange directory service at boot", { symptoms: ['error-1720'] }],
    ['outlook dont connect to the exchange', { symptoms: ['cannot-connect'] }],
    ['nslookup for the exchange server fails', { symptoms: ['name-resolution-fails'] }],
    ['the device tries to synchronize and then errors out', { symptoms: ['sync-fails'] }],
    ['ipconfig on the Exchange server says 10.0.0.5. ipconfig on the client shows 203.0.113.9', { serverAddress: '10.0.0.5', clientAddress: '203.0.113.9' }],
    ['Outlook 12 aka 2007', { outlookVersion: '2007' }],
    ['outlook97 on all machines', { outlookVersion: '97' }],
    ['i have the 2010 outlook', { outlookVersion: '2010' }],
    ['Outlook 10 / XP on the workstations', { outlookVersion: '2002' }],
    ['Outlook from O365', { outlookVersion: '365' }],
    ['we run exchange of version 2016', { exchangeVersion: '2016' }],
    ['the firewall runs on linux', { firewallPlatform: 'non-windows' }],
    ["we don't have any firewall there", { firewallPlatform: 'none' }],
    ['no device is changing the IP addresses on the way', { natMode: 'none' }],
    ['many computers use only one internet address together', { natMode: 'many-to-one' }],
    ['the internet address never changes', { publicAddressAssignment: 'static' }],
    ["the RPC endpoint mapper port 135 can't be reached from outside", { port135Reachable: false }],
    ['the store is pinned to 2500 and the DS to 2501', { exchangeStaticPorts: 'ephemeral' }],
    ['the Exchange services are pinned to ports 10001, 10002 and 10003', { exchangeStaticPorts: 'outside-ephemeral' }],
    ["we haven't hardcoded any ports on the exchange server", { exchangeStaticPorts: 'none' }],
    ["the SSL cert isn't trusted", { symptoms: ['certificate-warning'] }],
    ["the directory won't replicate between our Exchange servers", { symptoms: ['directory-replication-fails'] }],
    ['the Outlook is the 2021', { outlookVersion: '2021' }],
    ['the version of Exchange we have is 2010', { exchangeVersion: '2010' }],
    ['ex55 sp4', { exchangeVersion: '5.5' }],
    ['caller confirms there is no proxy or firewall in between', { firewallPlatform: 'none' }],
    ['the proxy is a Windows server running Microsoft Proxy', { firewallPlatform: 'windows-nt' }],
    ['The path involves no network address translation of any kind.', { natMode: 'none' }],
    ['caller says everybody in the branch office comes out on the same IP', { natMode: 'many-to-one' }],
    ['Our public IP address is dynamically leased by the provider.', { publicAddressAssignment: 'dynamic' }],
    ['nothing answers on 135 on the server from the client side', { port135Reachable: false }],
    ['registry ports hardcoded to 7000 and 7001', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['The RPC ports of the directory and store services are assigned dynamically at start-up.', { exchangeStaticPorts: 'none' }],
    ["it hasn't synced since Monday", { symptoms: ['sync-fails'] }],
    ['the computer of the user has the address 203.0.113.9', { clientAddress: '203.0.113.9' }],
    ['there is no TCP/IP Port value in the registry', { exchangeStaticPorts: 'none' }],
    ["it's the Outlook from Office XP", { outlookVersion: '2002' }],
    ['About Outlook shows Microsoft Outlook LTSC 2021', { outlookVersion: '2021' }],
    ['Get-ExchangeServer says AdminDisplayVersion : Version 14.3 (Build 123.4)', { exchangeVersion: '2010' }],
    ['System Manager says Version 6.5 (Build 7638.2: Service Pack 2)', { exchangeVersion: '2003' }],
    ["we don't have a firewall or proxy in the way", { firewallPlatform: 'none' }],
    ['NAT is not configured anywhere on the path.', { natMode: 'none' }],
    ['the hotel NATs all the guests behind one address', { natMode: 'many-to-one' }],
    ['the outside address comes from the ISP by DHCP and it changes', { publicAddressAssignment: 'dynamic' }],
    ['TCP/IP Port under MSExchangeIS\\ParametersSystem is 0x00000fa0 (4000)', { exchangeStaticPorts: 'ephemeral' }],
    ['we set the Exchange store to 10001 and the directory to 10002', { exchangeStaticPorts: 'outside-ephemeral' }],
    ["the registry doesn't have TCP/IP Port or TCP/IP NSPI Port under MSExchangeSA", { exchangeStaticPorts: 'none' }],
    ['the connection to Exchange just fails', { symptoms: ['cannot-connect'] }],
    ["synchronization doesn't go through", { symptoms: ['sync-fails'] }],
    ['DS replication between our Exchange servers fails', { symptoms: ['directory-replication-fails'] }],
    ['the server is Exchnage 2003 standard', { exchangeVersion: '2003' }],
    ['our mail server is the very first Exchange, version 4.0', { exchangeVersion: '4.0' }],
    ['Outlook is version 11, i.e. 2003', { outlookVersion: '2003' }],
    ['my outlook is the one from the office 365 plan', { outlookVersion: '365' }],
    ['we do not use any firewall between', { firewallPlatform: 'none' }],
    ['all computers use the same one internet IP when they go out', { natMode: 'many-to-one' }],
    ['the external IP gets reassigned by the provider every few days', { publicAddressAssignment: 'dynamic' }],
    ['the port test to 135 on the mail server worked', { port135Reachable: true }],
    ['yes they are static, MSExchangeIS is on 4950', { exchangeStaticPorts: 'ephemeral' }],
    ['the DS is on 5010 and the IS on 5011, set in the registry', { exchangeStaticPorts: 'outside-ephemeral' }],
    ['we never changed the ports, Exchange picks them by itself', { exchangeStaticPorts: 'none' }],
    ['the connection to the Exchange server fails', { symptoms: ['cannot-connect'] }],
    ['it gives me a certifcate error', { symptoms: ['certificate-warning'] }],
    // A router the ISP manages is still something in the path, and not Windows.
    ["we don't have a firewall, only the Cisco 2501 that the ISP manages", { firewallPlatform: 'non-windows' }],
    // Not knowing about NAT is neither NAT nor none.
    ['we have a Cisco PIX, dont know about nat', { firewallPlatform: 'non-windows' }],
    ['no idea whether the router does NAT or what kind', {}],
    ["what's NAT? I don't know", {}],
    ["if there is a NAT I don't know, I must ask to the provider", {}],
  ])('%s', async (text, expected) => {
    expect(await read(text)).toEqual(expected);
  });

  it('the Outlook app on a laptop is Outlook, not the phone app', async () => {
    expect(await read('the Outlook app on my work laptop', { symptoms: ['cannot-connect'] })).toEqual({ clientKind: 'outlook' });
  });

  it.each([
    ['the box in trouble is our separate Outlook Web Access server', 'owa-server'],
    ['caller says it is the OWA server in the DMZ that talks to Exchange', 'owa-server'],
    ['The client in question is the legacy Microsoft Exchange Client application.', 'exchange-client'],
    ["our Outlook Web Access server can't talk to the exchange server", 'owa-server'],
    ['the Outlook Web Access runs on another computer, and this computer cannot reach the Exchange', 'owa-server'],
    ["our Outlook Web Access server can't talk to the exchange server. Also, Outlook can't connect to Exchange", 'owa-server'],
    ['el que falla es el servidor de OWA, que está en otra máquina separada del Exchange', 'owa-server'],
    ['they use the Exchange Client app on the workstations', 'exchange-client'],
  ])('%s is the client %s', async (text, clientKind) => {
    expect(await read(text, { symptoms: ['cannot-connect'] })).toMatchObject({ clientKind });
  });

  it('a front-end OWA server in the DMZ serves OWA users: it is not the OWA 5.5 client', async () => {
    expect(await read('Front end OWA server EXFE1 sits in the DMZ leg of the PIX', { symptoms: ['cannot-connect'] })).not.toHaveProperty('clientKind');
  });

  it.each([
    // A port mapping or a forward is NAT, not a static port of Exchange's.
    ['a static port mapping for 3389 to the terminal server', 'exchangeStaticPorts'],
    // A test that worked, then a client that fails, is not a failed test.
    ['portqry OK on 135 but Outlook 2007 fails', 'port135Reachable'],
    // A hardware box named in advice is not the caller's firewall.
    ['on a hardware box a 1:1 translation often does', 'firewallPlatform'],
    // The address book's changes are not the public address's.
    ["the address book changes don't show up on the other server", 'publicAddressAssignment'],
    ["we don't have any firewall rules for 135", 'firewallPlatform'],
    // Not knowing the NAT, in other words; a tool's result after an arrow; a router model; a question.
    ["can't say whether it's 1:1 or PAT or whatever", 'natMode'],
    ["haven't looked at the nat rules", 'natMode'],
    ['NAT between client/exch: unknown', 'addressTranslation'],
    ['portqry -n exch01 -e 135 -> TCP port 135 (epmap service): LISTENING', 'natMode'],
    ['My router at home is a Linksys E2000', 'exchangeVersion'],
    ['static ports? no idea, previous admin did the setup', 'exchangeStaticPorts'],
    ['Microsoft Proxy Server 2.0 on an NT 4.0 machine', 'exchangeVersion'],
    ['the packets keep the same IP addresses end to end, nobody changes them', 'publicAddressAssignment'],
  ])('does not read %s as %s', async (text, fact) => {
    expect(Object.keys(await read(text))).not.toContain(fact);
  });
});
