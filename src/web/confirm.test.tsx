import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { ConfirmPage, isConfirmed } from './confirm.tsx';
import type { PageContext } from './context.ts';
import { translator } from './i18n.ts';

const ctx: PageContext = { locale: 'nl', t: translator('nl'), path: '/leiden/x', baseUrl: 'http://localhost', csrfToken: 'tok', canManage: false, may: () => false, pageAction: () => undefined };

test('only an explicit confirmed=yes confirms', () => {
  assert.equal(isConfirmed({ confirmed: 'yes' }), true);
  assert.equal(isConfirmed({ confirmed: 'on' }), false);
  assert.equal(isConfirmed({ confirmed: ['yes'] }), false);
  assert.equal(isConfirmed(undefined), false);
});

test('the confirmation carries the typed values (escaped), a fresh CSRF token and confirmed=yes, and says what happens', () => {
  const html = renderToString(
    <ConfirmPage
      ctx={ctx}
      confirmation={{
        title: 'Jaaragenda 2019 vaststellen?',
        consequences: ['De jaaragenda wordt vastgesteld met besluit 3.'],
        warning: 'Dit jaar is voorbij.',
        action: '/nl/leiden/agendas/1/adopt',
        values: { _csrf: 'old', decision: 'd-1', note: '"><script>x</script>', items: ['a', 'b'], confirmed: 'no' },
        confirmLabel: 'Vaststellen',
        cancelHref: '/nl/leiden/agendas/1',
      }}
    />,
  );
  assert.match(html, /De jaaragenda wordt vastgesteld met besluit 3\./);
  assert.match(html, /Dit jaar is voorbij\./);
  assert.match(html, /name="_csrf" value="tok"/);
  assert.doesNotMatch(html, /value="old"/);
  assert.match(html, /name="confirmed" value="yes"/);
  assert.doesNotMatch(html, /value="no"/);
  assert.equal((html.match(/name="items"/g) ?? []).length, 2);
  assert.doesNotMatch(html, /<script>x/);
  assert.match(html, /href="\/nl\/leiden\/agendas\/1"/);
});
