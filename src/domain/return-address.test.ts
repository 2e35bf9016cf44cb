import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localReturnPath, RETURN_ADDRESS_MAX } from './return-address.ts';

test('a path on this site is kept as it is, with its query and fragment', () => {
  assert.equal(localReturnPath('/nl/leiden/meetings/123'), '/nl/leiden/meetings/123');
  assert.equal(localReturnPath('/en/account?tab=sessions#top'), '/en/account?tab=sessions#top');
  assert.equal(localReturnPath('/'), '/');
  assert.equal(localReturnPath('/nl/a%2F%2Fb'), '/nl/a%2F%2Fb', 'an encoded slash is part of a local path');
  assert.equal(localReturnPath('/nl/search?q=//x'), '/nl/search?q=//x', 'two slashes later in the path are harmless');
});

test('another host, however it is written, is refused', () => {
  for (const target of ['//evil.example', '//evil.example/nl/login', '/\\evil.example', '\\\\evil.example', 'https://evil.example/', 'http:/evil.example', 'javascript:alert(1)', 'evil.example', 'nl/leiden']) {
    assert.equal(localReturnPath(target), undefined, target);
  }
});

test('control characters and backslashes anywhere are refused', () => {
  for (const target of ['/\t/evil.example', '/\n/evil.example', '/nl/\r\nSet-Cookie: x=1', '/nl/a\u0000b', '/nl/a\u007fb', '/nl/a\u0085b', '/nl/a\u009fb', '/nl/a\\b', '/nl\u001f']) {
    assert.equal(localReturnPath(target), undefined, JSON.stringify(target));
  }
  assert.equal(localReturnPath('/nl/a\u00a0b'), '/nl/a\u00a0b', 'a non-breaking space is not a control character');
  assert.equal(localReturnPath('/nl/a b'), '/nl/a b');
  assert.equal(localReturnPath('/nl/~b'), '/nl/~b');
});

test('nothing, another type or an over-long address is refused', () => {
  assert.equal(localReturnPath(undefined), undefined);
  assert.equal(localReturnPath(null), undefined);
  assert.equal(localReturnPath(''), undefined);
  assert.equal(localReturnPath(['/nl']), undefined);
  assert.equal(localReturnPath(42), undefined);
  const longest = `/${'a'.repeat(RETURN_ADDRESS_MAX - 1)}`;
  assert.equal(localReturnPath(longest), longest);
  assert.equal(localReturnPath(`${longest}a`), undefined);
});
