import net from 'node:net';
import type { Extraction } from '../kb/extraction';
import { parseHostAddress } from '../facts/address-space';
import { matches } from './clauses';
import { AddressRoles } from './match-context';

/**
 * An IPv4 address, with the prefix length it may be written with (10.0.5.20/24, 192.168.10.0/24).
 * It matches any four dotted numbers: isAddressMatch says which are addresses.
 */
export const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2}\b)?/g;
/** An IPv6 address, with the prefix length it may be written with; not part of a longer run of word characters and colons (a MAC address, a time). */
export const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])(?:\/\d{1,3}\b)?/gi;

interface AddressHit {
  role: 'serverAddress' | 'clientAddress';
  /** The host address, without the prefix length it was written with. */
  address: string;
  index: number;
  length: number;
}

/**
 * Whether a match of IPV4 or IPV6 (without its prefix) is an address, as isIpAddress says, but
 * at a fraction of the cost: ipaddr.js tries the text as IPv4 first and throws (building a stack
 * trace) for every IPv6 address, 15 µs each, so a ticket of 6,000 addresses took 100 ms. On the
 * texts these two expressions match, Node's parser agrees with isIpAddress
 * (test/annotate/addresses.test.ts).
 */
export function isAddressMatch(text: string): boolean {
  return net.isIP(text) !== 0;
}

/**
 * The host addresses of one text whose role the words before them give ("the Exchange server is
 * 10.0.0.5"). A network written in CIDR form (192.168.10.0/24) is no host's address and is left
 * out; a host written with its prefix (10.0.5.20/24) counts as the host.
 */
export function addressHits(text: string, extraction: Extraction, requiredTexts: Uint8Array): AddressHit[] {
  const hits: AddressHit[] = [];
  let roles: AddressRoles | undefined;
  // Most tickets hold no IPv6 address, and the expression for one is the costliest to run.
  const found = text.includes(':') ? [...matches(IPV4, text), ...matches(IPV6, text)] : matches(IPV4, text);
  for (const match of found) {
    const slash = match[0].indexOf('/');
    const address = slash < 0 ? match[0] : match[0].slice(0, slash);
    if (!isAddressMatch(address)) continue;
    if (slash >= 0 && !parseHostAddress(match[0]).ok) continue;
    // Written without a prefix, an IPv4 address ending in .0 or .255 is a network or its
    // broadcast address in a ticket ("the 192.168.5.0 subnet"), not a machine's.
    if (slash < 0 && /\.(?:0|255)$/.test(address)) continue;
    roles ??= new AddressRoles(withoutAbbreviationStops(text), extraction, requiredTexts);
    const role = roles.at(match.index, match.index + match[0].length);
    if (role === 'serverAddress' || role === 'clientAddress') hits.push({ role, address, index: match.index, length: address.length });
  }
  hits.sort((a, b) => a.index - b.index);
  return listsTwoServers(text, hits) ? hits.filter((hit) => hit.role !== 'serverAddress') : hits;
}

// "e.g." and "i.e." end in a full stop and a space, as a sentence does: "clients on the same
// subnet (e.g. 192.168.5.120)" would cut the address from its cue. Read with the stop as a space
// (one character for one, so offsets hold), the abbreviation breaks no clause.
const ABBREVIATION_STOPS = /\b(?:e\.g|i\.e|approx|incl|esp|cf|vs)\.(?= )/gi;

function withoutAbbreviationStops(text: string): string {
  return text.replace(ABBREVIATION_STOPS, (found) => `${found.slice(0, -1)} `);
}

// Between two addresses of a list: "CAS1 10.30.1.11 and CAS2 10.30.1.12", "10.0.0.5, 10.0.0.6",
// "EX1 (10.1.1.11) and EX2 (10.2.1.11)".
// A word that says the second address is the first one seen from elsewhere ("fd00:10:20::25,
// externally 2001:db8:4400::25") does not make a list.
const LIST_JOIN = /^\s*\)?\s*(?:,|and|&|\+)\s*(?:(?!(?:externally|internally|publicly|outside|inside|external|internal|public|private|translated|natted)\b)[a-z][\w-]{0,20}(?:\s+|\s*\(\s*))?$/i;

/**
 * Whether two server addresses are listed side by side: two servers (a CAS array, a pair of
 * mailbox servers), neither of which is the one the ticket is about (labelling rule: when two
 * Exchange servers are listed, neither is labelled). A server and its public address are not
 * joined by "and" ("10.0.0.5 -> 203.0.113.5", "10.0.0.5 is presented as 10.99.1.20").
 */
function listsTwoServers(text: string, hits: AddressHit[]): boolean {
  let previous: AddressHit | undefined;
  for (const hit of hits) {
    if (hit.role !== 'serverAddress') continue;
    // The text between is short: a join longer than LIST_JOIN allows cannot match.
    if (previous && previous.address !== hit.address && hit.index - previous.index - previous.length <= 30 && LIST_JOIN.test(text.slice(previous.index + previous.length, hit.index))) return true;
    previous = hit;
  }
  return false;
}
