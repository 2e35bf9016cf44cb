import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { headingOf, splitArticles } from './agreement-articles.ts';

describe('agreement text split into articles', () => {
  test('"Artikel N" lines start articles; the text before is the preamble', () => {
    const text = 'Partijen:\n\n1. Gemeente Delft\n\nArtikel 1 - Doel\nSamen werken.\n\n\n\nTweede alinea.  \nArtikel 2. Looptijd\nVijf jaar.\r\nArtikel 3\nSlot.';
    assert.deepEqual(splitArticles(text), [
      { title: '', body: 'Partijen:\n\n1. Gemeente Delft' },
      { title: 'Doel', body: 'Samen werken.\n\nTweede alinea.' },
      { title: 'Looptijd', body: 'Vijf jaar.' },
      { title: '3', body: 'Slot.' },
    ]);
  });

  test('Markdown headings start articles, an "Artikel" inside one keeps its own title', () => {
    assert.deepEqual(splitArticles('# Overeenkomst\nIntro\n## Artikel 2: Thema\'s\n- een\n- twee\n### Slot ###\nKlaar'), [
      { title: 'Overeenkomst', body: 'Intro' },
      { title: 'Thema\'s', body: '- een\n- twee' },
      { title: 'Slot', body: 'Klaar' },
    ]);
  });

  test('English "Article" headings and a heading without text', () => {
    assert.deepEqual(splitArticles('Article 1 Purpose\n\nArticle 2 Term\nFive years'), [
      { title: 'Purpose', body: '' },
      { title: 'Term', body: 'Five years' },
    ]);
  });

  test('without headings the whole text is one article; empty text none', () => {
    assert.deepEqual(splitArticles('  Eén tekst.\n\nTwee alinea\'s.  '), [{ title: '', body: 'Eén tekst.\n\nTwee alinea\'s.' }]);
    assert.deepEqual(splitArticles(' \n\n '), []);
  });

  test('a line that mentions an article is not a heading', () => {
    assert.equal(headingOf('Zie artikel 3 hierboven.'), null);
    assert.equal(headingOf('Artikelen'), null);
    assert.equal(headingOf('#hashtag'), null);
    assert.equal(headingOf('  Artikel 4a — Slot '), 'Slot');
    assert.equal(headingOf('Art. 5'), '5');
  });
});
