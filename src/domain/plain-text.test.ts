import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textBlocks } from './plain-text.ts';

test('a blank line separates paragraphs; a line break inside one is kept', () => {
  assert.deepEqual(textBlocks('Opening.\nWelkom aan allen.\n\nRondvraag: geen.'), [
    { kind: 'paragraph', lines: ['Opening.', 'Welkom aan allen.'] },
    { kind: 'paragraph', lines: ['Rondvraag: geen.'] },
  ]);
  assert.deepEqual(textBlocks('Eén\n \t \nTwee'), [
    { kind: 'paragraph', lines: ['Eén'] },
    { kind: 'paragraph', lines: ['Twee'] },
  ], 'a line of only white space is blank');
  assert.deepEqual(textBlocks('a\r\nb\rc'), [{ kind: 'paragraph', lines: ['a', 'b', 'c'] }], 'Windows and old Mac line ends');
  assert.deepEqual(textBlocks('  ingesprongen  '), [{ kind: 'paragraph', lines: ['ingesprongen'] }]);
});

test('nothing but white space has no blocks', () => {
  assert.deepEqual(textBlocks(''), []);
  assert.deepEqual(textBlocks('\n\n  \n'), []);
});

test('lines starting with "- " or "* " are a bulleted list, also right after a paragraph line', () => {
  assert.deepEqual(textBlocks('Besproken:\n- begroting\n* planning\n-  ruimte'), [
    { kind: 'paragraph', lines: ['Besproken:'] },
    { kind: 'bullets', items: ['begroting', 'planning', 'ruimte'] },
  ]);
  assert.deepEqual(textBlocks('- a\n\n- b'), [
    { kind: 'bullets', items: ['a'] },
    { kind: 'bullets', items: ['b'] },
  ], 'a blank line ends a list');
  assert.deepEqual(textBlocks('- a\nnaschrift'), [
    { kind: 'bullets', items: ['a'] },
    { kind: 'paragraph', lines: ['naschrift'] },
  ]);
});

test('a dash or star without a space after it, or a minus number, is text', () => {
  assert.deepEqual(textBlocks('-5 graden\n*belangrijk*\n--\nkosten - baten\n3 * 4'), [{ kind: 'paragraph', lines: ['-5 graden', '*belangrijk*', '--', 'kosten - baten', '3 * 4'] }]);
  assert.deepEqual(textBlocks('+ plus\n• bolletje'), [{ kind: 'paragraph', lines: ['+ plus', '• bolletje'] }], 'only a dash or a star');
});

test('lines starting with a number and a dot (or parenthesis) are a numbered list that keeps its first number', () => {
  assert.deepEqual(textBlocks('1. opening\n2. notulen\n3) rondvraag'), [{ kind: 'numbered', items: ['opening', 'notulen', 'rondvraag'], start: 1 }]);
  assert.deepEqual(textBlocks('Vervolg:\n4. sluiting'), [
    { kind: 'paragraph', lines: ['Vervolg:'] },
    { kind: 'numbered', items: ['sluiting'], start: 4 },
  ]);
  assert.deepEqual(textBlocks('12. twaalf\n13.   ruim'), [{ kind: 'numbered', items: ['twaalf', 'ruim'], start: 12 }]);
  assert.deepEqual(textBlocks('2018. Een jaartal zonder spatie?\n2019.geen lijst\n1 geen punt'), [
    { kind: 'numbered', items: ['Een jaartal zonder spatie?'], start: 2018 },
    { kind: 'paragraph', lines: ['2019.geen lijst', '1 geen punt'] },
  ]);
  assert.deepEqual(textBlocks('1234567890. te lang'), [{ kind: 'paragraph', lines: ['1234567890. te lang'] }], 'at most nine digits');
  assert.deepEqual(textBlocks('x 1. midden'), [{ kind: 'paragraph', lines: ['x 1. midden'] }], 'only at the start of a line');
});

test('bullets and numbers do not mix into one list', () => {
  assert.deepEqual(textBlocks('- a\n1. b\n- c\n2. d'), [
    { kind: 'bullets', items: ['a'] },
    { kind: 'numbered', items: ['b'], start: 1 },
    { kind: 'bullets', items: ['c'] },
    { kind: 'numbered', items: ['d'], start: 2 },
  ]);
  assert.deepEqual(textBlocks('1. a\n- b'), [
    { kind: 'numbered', items: ['a'], start: 1 },
    { kind: 'bullets', items: ['b'] },
  ]);
});

test('markup stays text: nothing is interpreted', () => {
  assert.deepEqual(textBlocks('<script>alert(1)</script>\n- <b>vet</b>'), [
    { kind: 'paragraph', lines: ['<script>alert(1)</script>'] },
    { kind: 'bullets', items: ['<b>vet</b>'] },
  ]);
});
