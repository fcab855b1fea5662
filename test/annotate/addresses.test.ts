import fc from 'fast-check';
import { matches } from '../../src/annotate/clauses';
import { IPV4, IPV6, isAddressMatch } from '../../src/annotate/addresses';
import { isIpAddress } from '../../src/facts/address-space';

// Extraction checks the addresses it finds with Node's parser, which is fast, while facts are
// checked with isIpAddress (ipaddr.js). An address one accepts and the other refuses would make
// a ticket's own extracted facts invalid, so on everything the two expressions match they agree.
const octets = fc.array(fc.constantFrom('0', '1', '9', '25', '99', '199', '249', '255', '256', '01', '00', '300', '999'), { minLength: 4, maxLength: 4 }).map((o) => o.join('.'));
const hex = fc.array(fc.constantFrom('0', '1', 'a', 'f', 'F', 'e', 'ffff', '0000', ':', ':', '::', '.', '1.2.3.4', ' '), { maxLength: 30 }).map((p) => p.join(''));

it.each([
  ['IPv4', IPV4, octets],
  ['IPv6', IPV6, hex],
])('the %s matches Node accepts are the addresses isIpAddress accepts', (_kind, regex, texts) => {
  let seen = 0;
  fc.assert(
    fc.property(fc.array(fc.oneof(texts, fc.constantFrom(' ', '.', ':')), { maxLength: 6 }), (parts) => {
      for (const match of matches(regex, parts.join(''))) {
        seen += 1;
        expect(isAddressMatch(match[0])).toBe(isIpAddress(match[0]));
      }
    }),
    { numRuns: 20_000, seed: 11 },
  );
  expect(seen).toBeGreaterThan(1000);
});
