import ipaddr from 'ipaddr.js';

/**
 * The kind of address an IP is, as the articles tell them apart: private (RFC 1918), public (the
 * documentation ranges too), shared (RFC 6598's carrier-grade NAT) or other (see addressSpace).
 */
type AddressSpace = 'private' | 'public' | 'shared' | 'other';

/** True for a literal IPv4 (dotted quad) or IPv6 address, without a prefix length. */
export function isIpAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/** A host address as a caller may write it: an address, or an address with its prefix length (10.0.5.20/24). */
export type HostAddress = { ok: true; address: string } | { ok: false; problem: string };

/**
 * Reads a host address. A prefix length is allowed after a host (10.0.5.20/24 is the host
 * 10.0.5.20 on a /24), but an address whose host part is all zeros under its prefix names a
 * network (192.168.10.0/24), not a host, and is refused.
 */
export function parseHostAddress(text: string): HostAddress {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  if (!isIpAddress(address)) return { ok: false, problem: 'is not an IPv4 address in dotted-quad form or an IPv6 address' };
  if (slash < 0) return { ok: true, address };
  const prefixText = text.slice(slash + 1);
  const parsed = ipaddr.parse(address);
  const bits = parsed.kind() === 'ipv4' ? 32 : 128;
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return { ok: false, problem: `has a prefix length that is not a whole number from 0 to ${bits}` };
  // On /31 and /32 (IPv4), /127 and /128 (IPv6) every address is a host (RFC 3021).
  if (prefix < bits - 1 && isNetworkAddress(parsed, prefix)) {
    return { ok: false, problem: `names the network ${address}/${prefix}, not a host on it` };
  }
  return { ok: true, address };
}

function isNetworkAddress(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): boolean {
  const bytes = address.toByteArray();
  for (let bit = prefix; bit < bytes.length * 8; bit++) {
    if (bytes[bit >> 3]! & (0x80 >> (bit & 7))) return false;
  }
  return true;
}

/**
 * True for a link-local host address (169.254/16, fe80::/10), as ipaddr.js's range tables have
 * it. The address must be a valid one (as the extractor's matches are); the parser is chosen by
 * its form, since ipaddr.parse tries IPv4 first and throws, slowly, on every IPv6 address.
 */
export function isLinkLocal(address: string): boolean {
  const parsed = address.includes(':') ? ipaddr.IPv6.parse(address) : ipaddr.IPv4.parse(address);
  return parsed.range() === 'linkLocal';
}

// RFC 5737 (IPv4) and RFC 3849 (IPv6) set these ranges aside for documentation: in examples and
// sanitized tickets they stand for public addresses, so they count as public here.
const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24', '2001:db8::/32'].map((cidr) => ipaddr.parseCIDR(cidr));

/**
 * Which address space a host address belongs to: `private` for RFC 1918 (10/8, 172.16/12,
 * 192.168/16, also when written as an IPv4-mapped IPv6 address), `shared` for RFC 6598's
 * 100.64/10 (carrier-grade NAT), `public` for globally routable unicast and the documentation
 * ranges, `other` for everything else (loopback, link-local, IPv6 unique local, reserved).
 * ipaddr.js keeps the special-range tables.
 */
export function addressSpace(text: string): AddressSpace {
  return classifyAddress(text).space;
}

/** The address space of a host address and why, in words a caller can check. */
export function classifyAddress(text: string): { space: AddressSpace; because: string } {
  const host = parseHostAddress(text);
  const address = ipaddr.process(host.ok ? host.address : text);
  if (DOCUMENTATION.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits))) {
    return { space: 'public', because: `${text} is in a documentation range (RFC 5737, RFC 3849), which stands for a public address` };
  }
  const range = address.range();
  if (address.kind() === 'ipv4' && range === 'private') return { space: 'private', because: `${text} is in the private address space of RFC 1918` };
  if (address.kind() === 'ipv4' && range === 'carrierGradeNat') return { space: 'shared', because: `${text} is in the shared address space of RFC 6598, used by carrier-grade NAT` };
  if (range === 'unicast') return { space: 'public', because: `${text} is a public (globally routed) address` };
  return { space: 'other', because: `${text} is a special-purpose address (${range})` };
}
