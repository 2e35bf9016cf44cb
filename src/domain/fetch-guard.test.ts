import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressAllowed, checkSourceUrl, hostMayBePublic, isPublicAddress, MAX_URL_LENGTH, parseIPv4, parseIPv6, redirectAllowed } from './fetch-guard.ts';

const strict = { allowHttp: false, allowPrivate: false };

test('a typed URL: https only unless http is allowed; no credentials; nothing unreadable or too long', () => {
  assert.equal(checkSourceUrl('https://example.org/api/v1/programmes/x/open-data.json', strict).ok, true);
  assert.deepEqual(checkSourceUrl('http://example.org/x', strict), { ok: false, reason: 'scheme' });
  assert.equal(checkSourceUrl('http://example.org/x', { ...strict, allowHttp: true }).ok, true);
  assert.deepEqual(checkSourceUrl('ftp://example.org/x', { allowHttp: true, allowPrivate: true }), { ok: false, reason: 'scheme' });
  assert.deepEqual(checkSourceUrl('file:///etc/passwd', { allowHttp: true, allowPrivate: true }), { ok: false, reason: 'scheme' });
  assert.deepEqual(checkSourceUrl('https://user:pw@example.org/', strict), { ok: false, reason: 'credentials' });
  assert.deepEqual(checkSourceUrl('https://user@example.org/', strict), { ok: false, reason: 'credentials' });
  assert.deepEqual(checkSourceUrl('not a url', strict), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkSourceUrl('   ', strict), { ok: false, reason: 'invalid' });
  assert.deepEqual(checkSourceUrl(`https://example.org/${'a'.repeat(MAX_URL_LENGTH)}`, strict), { ok: false, reason: 'invalid' });
  assert.equal(checkSourceUrl(`https://example.org/${'a'.repeat(MAX_URL_LENGTH - 21)}`, strict).ok, true, 'exactly the limit is accepted');
  const ok = checkSourceUrl('  https://Example.org/a  ', strict);
  assert.ok(ok.ok && ok.url.href === 'https://example.org/a', 'trimmed and normalised');
});

test('a typed URL naming an internal host is refused before DNS unless private addresses are allowed', () => {
  for (const url of ['https://127.0.0.1/', 'https://localhost/', 'https://api.localhost./', 'https://[::1]/', 'https://10.1.2.3/', 'https://169.254.169.254/latest', 'https://192.168.0.1/', 'https://[fe80::1]/', 'https://0.0.0.0/', 'https://2130706433/', 'https://0x7f.0.0.1/', 'https://[::ffff:127.0.0.1]/']) {
    assert.deepEqual(checkSourceUrl(url, strict), { ok: false, reason: 'privateAddress' }, url);
    assert.equal(checkSourceUrl(url, { allowHttp: false, allowPrivate: true }).ok, true, url);
  }
  assert.equal(hostMayBePublic('example.org'), true);
  assert.equal(hostMayBePublic('8.8.8.8'), true);
  assert.equal(hostMayBePublic('[2001:4860:4860::8888]'), true);
  assert.equal(hostMayBePublic('LOCALHOST'), false);
  assert.equal(hostMayBePublic('localhost.example.org'), true, 'only localhost and its own subdomains');
});

test('IPv4: the special-purpose ranges are not public, their neighbours are', () => {
  const blocked = ['0.0.0.0', '0.255.255.255', '10.0.0.0', '10.255.255.255', '100.64.0.0', '100.127.255.255', '127.0.0.1', '127.255.255.255', '169.254.0.1', '169.254.169.254', '172.16.0.0', '172.31.255.255', '192.0.0.1', '192.0.2.1', '192.168.0.1', '192.168.255.255', '198.18.0.1', '198.19.255.255', '198.51.100.1', '203.0.113.1', '224.0.0.1', '239.255.255.255', '240.0.0.1', '255.255.255.255'];
  const open = ['1.1.1.1', '8.8.8.8', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0', '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '192.0.1.1', '192.0.3.1', '192.167.255.255', '192.169.0.0', '198.17.255.255', '198.20.0.0', '198.51.99.1', '198.51.101.1', '203.0.112.1', '203.0.114.1', '223.255.255.255'];
  for (const ip of blocked) assert.equal(isPublicAddress(ip), false, ip);
  for (const ip of open) assert.equal(isPublicAddress(ip), true, ip);
});

test('IPv6: loopback, unspecified, unique local, link-local, site-local, multicast, documentation and mapped internal IPv4 are not public', () => {
  const blocked = ['::', '::1', 'fc00::1', 'fdff:ffff::1', 'fe80::1', 'febf::1', 'fec0::1', 'ff02::1', '2001:db8::1', '100::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', '::127.0.0.1', '64:ff9b::10.0.0.1', '2002:0a00:0001::1', '2002:7f00:1::', 'fe80::1%eth0', '4000::1', '1fff::1'];
  const open = ['2001:4860:4860::8888', '3fff::1', '2a00:1450:4001::1', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8', '2002:0808:0808::1', '2001:db9::1', '2001:db7::1', 'fbff::1', 'fe00::1', '2400::1'];
  for (const ip of blocked) assert.equal(isPublicAddress(ip), false, ip);
  for (const ip of open.filter((ip) => !['fbff::1', 'fe00::1'].includes(ip))) assert.equal(isPublicAddress(ip), true, ip);
  // Outside 2000::/3 nothing is routed, whatever the first bits say.
  assert.equal(isPublicAddress('fbff::1'), false);
  assert.equal(isPublicAddress('fe00::1'), false);
  assert.equal(isPublicAddress('not an address'), false);
  assert.equal(isPublicAddress(''), false);
});

test('address parsing: only well-formed addresses are read', () => {
  assert.deepEqual(parseIPv4('192.168.1.20'), [192, 168, 1, 20]);
  for (const bad of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-1', '1.2.3.a', '1..2.3', '01234.1.1.1', '']) assert.equal(parseIPv4(bad), null, bad);
  assert.deepEqual(parseIPv6('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(parseIPv6('::1'), [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIPv6('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(parseIPv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(parseIPv6('1:2::7:8'), [1, 2, 0, 0, 0, 0, 7, 8]);
  assert.deepEqual(parseIPv6('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
  assert.deepEqual(parseIPv6('::1.2.3.4'), [0, 0, 0, 0, 0, 0, 0x0102, 0x0304]);
  assert.deepEqual(parseIPv6('1:2:3:4:5:6:1.2.3.4'), [1, 2, 3, 4, 5, 6, 0x0102, 0x0304]);
  assert.deepEqual(parseIPv6('ABCD::ef'), [0xabcd, 0, 0, 0, 0, 0, 0, 0xef]);
  for (const bad of ['1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', ':::', '1:2:3:4:5:6:7:8::', '12345::', 'g::1', '::1.2.3', ':1.2.3.4', '1.2.3.4', '', 'fe80::1%1', '1:2:3:4:5:6:7::8:9']) assert.equal(parseIPv6(bad), null, bad);
});

test('after DNS: an answer is allowed only when public, or when private addresses are allowed', () => {
  assert.equal(addressAllowed('93.184.216.34', strict), true);
  assert.equal(addressAllowed('127.0.0.1', strict), false);
  assert.equal(addressAllowed('127.0.0.1', { allowHttp: false, allowPrivate: true }), true);
  assert.equal(addressAllowed('garbage', { allowHttp: false, allowPrivate: true }), true, 'the setting allows every address');
});

test('redirects: only to the same host and port, never down from https, never with credentials', () => {
  const from = new URL('https://a.example.org/x');
  assert.equal(redirectAllowed(from, new URL('https://a.example.org/y')), true);
  assert.equal(redirectAllowed(from, new URL('https://A.EXAMPLE.ORG:443/y')), true);
  assert.equal(redirectAllowed(from, new URL('https://b.example.org/y')), false);
  assert.equal(redirectAllowed(from, new URL('https://a.example.org:8443/y')), false);
  assert.equal(redirectAllowed(from, new URL('http://a.example.org/y')), false);
  assert.equal(redirectAllowed(from, new URL('https://u:p@a.example.org/y')), false);
  assert.equal(redirectAllowed(from, new URL('ftp://a.example.org/y')), false);
  const plain = new URL('http://a.example.org/x');
  assert.equal(redirectAllowed(plain, new URL('https://a.example.org/x')), false, 'another port (443 is not 80)');
  assert.equal(redirectAllowed(plain, new URL('http://a.example.org:80/y')), true);
  assert.equal(redirectAllowed(plain, new URL('http://a.example.org:81/y')), false);
  assert.equal(redirectAllowed(new URL('http://a.example.org:8080/x'), new URL('https://a.example.org:8080/y')), true, 'an upgrade on the same host and port');
});
