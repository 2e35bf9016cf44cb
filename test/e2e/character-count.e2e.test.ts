// In Chromium: a long text field counts its characters as a person types (public/enhance.js, the
// site's one script, allowed by the Content-Security-Policy's script-src 'self'), in the page's
// language, politely announced, and says when the text is over the limit; without JavaScript the
// stated maximum stays and nothing else changes.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUser, TEST_PASSWORD } from '../support/app.ts';
import { browserLogin, chromiumAvailable, expectAccessible, useBrowserApp } from '../support/browser.ts';

describe('the live character count in Chromium', { skip: !chromiumAvailable() }, () => {
  // A running programme, so its lead may edit the project.
  const e2e = useBrowserApp({}, { leiden: 'running' });
  let lead = '';
  before(async () => {
    lead = (await buildUser(e2e.t, { role: 'lead', project: '3a', name: 'Trekker 3a' })).email;
  });

  test('typing in the project goal updates the count; over the limit it says how many too many; no CSP violation; axe', async () => {
    const page = await e2e.newPage({ viewport: { width: 390, height: 900 } });
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(error.message));
    await browserLogin(page, e2e.baseUrl, lead, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/nl/leiden/projects/3a/edit`);

    const field = page.locator('textarea[name="goal_nl"]');
    const id = await field.getAttribute('id');
    const max = Number(await field.getAttribute('maxlength'));
    assert.equal(max, Number(await field.getAttribute('data-counter-max')));
    const count = page.locator(`#${id}-count`);
    // The count sits under the stated maximum, is a form field description, is read with the field, and is a polite live region.
    await count.waitFor();
    assert.equal(await count.getAttribute('aria-live'), 'polite');
    assert.match(await count.getAttribute('class') ?? '', /\butrecht-form-field-description\b/);
    assert.match(await field.getAttribute('aria-describedby') ?? '', new RegExp(`\\b${id}-limit\\b.*\\b${id}-count\\b`));
    assert.equal(await page.locator(`#${id}-limit + #${id}-count`).count(), 1);
    const length = (await field.inputValue()).length;
    const dutch = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
    assert.equal(await count.textContent(), `${dutch(length)} van ${dutch(max)} tekens`);

    // Typing: the count follows (after a short pause, so a screen reader is not interrupted on every key).
    await field.focus();
    await field.press('End');
    await page.keyboard.type(' Extra');
    await page.waitForFunction(([selector, expected]) => document.querySelector(selector!)?.textContent === expected, [`#${id}-count`, `${dutch(length + 6)} van ${dutch(max)} tekens`] as const);

    // Over the limit (a refused form keeps a too-long text, and pasting can exceed it): it says so.
    await field.evaluate((element: HTMLTextAreaElement, n) => {
      element.value = 'x'.repeat(n);
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, max + 12);
    await page.waitForFunction(([selector, expected]) => document.querySelector(selector!)?.textContent === expected, [`#${id}-count`, `${dutch(max + 12)} van ${dutch(max)} tekens: 12 te veel`] as const);
    assert.match(await count.getAttribute('class') ?? '', /utrecht-form-field-description--invalid/);
    // Back under it: the warning goes.
    await field.evaluate((element: HTMLTextAreaElement) => {
      element.value = 'kort';
      element.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(([selector, expected]) => document.querySelector(selector!)?.textContent === expected, [`#${id}-count`, `4 van ${dutch(max)} tekens`] as const);
    assert.doesNotMatch(await count.getAttribute('class') ?? '', /--invalid/);

    await expectAccessible(page);
    // In English the words come from the English page.
    await page.goto(`${e2e.baseUrl}/en/leiden/projects/3a/edit`);
    const english = page.locator(`#${id}-count`);
    await english.waitFor();
    assert.match(await english.textContent() ?? '', new RegExp(`^[\\d,]+ of ${new Intl.NumberFormat('en-GB').format(max)} characters$`));
    assert.deepEqual(refused, [], 'the script runs under the Content-Security-Policy');
    await page.context().close();
  });

  test('without JavaScript the stated maximum stays and no count appears', async () => {
    const page = await e2e.newPage({ javaScriptEnabled: false });
    await browserLogin(page, e2e.baseUrl, lead, TEST_PASSWORD);
    await page.goto(`${e2e.baseUrl}/nl/leiden/projects/3a/edit`);
    const id = await page.locator('textarea[name="goal_nl"]').getAttribute('id');
    assert.match(await page.locator(`#${id}-limit`).textContent() ?? '', /^Maximaal [\d.]+ tekens\.$/);
    assert.equal(await page.locator(`#${id}-count`).count(), 0);
    await page.context().close();
  });
});
