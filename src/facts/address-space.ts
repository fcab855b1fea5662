import ipaddr from 'ipaddr.js';

export type AddressSpace = 'private' | 'public' | 'other';

/** True for a literal IPv4 (dotted quad) or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/**
 * Which address space an address belongs to: `private` for RFC 1918 (10/8, 172.16/12,
 * 192.168/16, also when written as an IPv4-mapped IPv6 address), `public` for globally routable
 * unicast, `other` for everything else (loopback, link-local, carrier-grade NAT, IPv6 unique
 * local, documentation and reserved ranges). ipaddr.js keeps the special-range tables.
 */
export function addressSpace(text: string): AddressSpace {
  const address = ipaddr.process(text);
  const range = address.range();
  if (address.kind() === 'ipv4' && range === 'private') return 'private';
  return range === 'unicast' ? 'public' : 'other';
}
