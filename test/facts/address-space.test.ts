import { addressSpace, isIpAddress } from '../../src/facts/address-space';

describe('address spaces', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['::ffff:192.168.1.20', 'private'],
    ['172.15.255.255', 'public'],
    ['172.32.0.1', 'public'],
    ['93.184.216.34', 'public'],
    ['2a00:1450:4001:82b::200e', 'public'],
    ['127.0.0.1', 'other'],
    ['169.254.10.1', 'other'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['203.0.113.7', 'public'],
    ['192.0.2.1', 'public'],
    ['198.51.100.200', 'public'],
    ['2001:db8::1', 'public'],
    ['10.0.5.20/24', 'private'],
    ['198.18.0.1', 'other'],
    ['fd12:3456:789a::1', 'other'],
    ['fe80::1', 'other'],
    ['::1', 'other'],
  ])('%s is %s', (address, space) => {
    expect(addressSpace(address)).toBe(space);
  });

  it.each(['10.1', '0x0a.0.0.1', '256.1.1.1', 'mail.example.com', '', '10.0.0.1/8'])('%p is not an IP address', (text) => {
    expect(isIpAddress(text)).toBe(false);
  });
});
