// The page shell and the shared pieces are NL Design System community components, themed through
// their tokens: page layout (header, body, footer), navigation bars and lists, breadcrumb, data
// lists, data and status badges, link lists, form field descriptions. Checked on every page a
// visitor, a project lead and the coordinator may open (the access matrix's pages), so a page that
// draws its own header, fact list or badge is found as soon as it is in the table.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/app.ts';
import { pagesFor } from '../support/pages.ts';
import { buildWorld, type RoleKey, type World } from '../security/world.ts';

const ROLES: RoleKey[] = ['anonymous', 'lead', 'coordinator'];

/** Every opening tag of `tag` in the page. */
const tags = (html: string, tag: string) => html.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
const hasClass = (openTag: string, name: string) => new RegExp(`\\bclass="[^"]*\\b${name}\\b`).test(openTag);
/** The part of the page from the first `<tag ... class="...name...">` to the next `end` (its closing tag). */
function section(html: string, tag: string, name: string, end = `</${tag}>`): string {
  const start = html.search(new RegExp(`<${tag}\\b[^>]*class="[^"]*\\b${name}\\b`));
  assert.ok(start >= 0, `no <${tag} class="${name}">`);
  return html.slice(start, html.indexOf(end, start));
}

describe('NL Design System components on every page', () => {
  let t: TestApp;
  let world: World;
  before(async () => {
    t = await startTestApp('pglite');
    world = await buildWorld(t);
  });
  after(async () => {
    await t?.close();
  });

  const get = async (role: RoleKey, url: string) => {
    const response = await t.app.inject({ url, headers: { cookie: world.actors[role].cookie ?? '' } });
    return response;
  };

  test('the shell: page layout with page header, navigation bars, page body and page footer', async () => {
    const html = (await get('coordinator', `/nl/${world.home.slug}/projects/${world.home.ownProject}`)).body;
    assert.match(html, /<body class="utrecht-document kennisstad-theme"><a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">/);
    assert.match(html, /<div class="utrecht-page-layout"><header class="utrecht-page-header ks-header"><div class="utrecht-page-header__content ks-bar">/);
    assert.match(html, /<div class="utrecht-page-body"><div class="utrecht-page-body__content"><main id="main" class="utrecht-page-content ks-main"/);
    assert.match(html, /<footer class="utrecht-page-footer ks-footer"><div class="utrecht-page-footer__content ks-bar">/);
    // Both menus are NL Design System nav bars holding nav lists; every menu link is a nav list link.
    const navs = tags(html, 'nav').filter((tag) => hasClass(tag, 'ks-nav'));
    assert.equal(navs.length, 2, 'the public menu and the own menu');
    for (const nav of navs) assert.ok(hasClass(nav, 'utrecht-nav-bar'), nav);
    const menu = section(html, 'div', 'ks-menus', '</header>');
    const menuLinks = tags(menu, 'a').filter((a) => !hasClass(a, 'ks-menu-button'));
    assert.ok(menuLinks.length > 10, `${menuLinks.length} menu links`);
    for (const link of menuLinks) assert.ok(hasClass(link, 'utrecht-nav-list__link'), link);
    for (const item of tags(menu, 'li')) assert.ok(hasClass(item, 'utrecht-nav-list__item'), item);
    assert.match(menu, /aria-current="true"/, 'the section the page is in is marked');
    // The header's tools and the footer's links are link lists; signing out is a link button.
    assert.match(html, /<ul class="utrecht-link-list utrecht-link-list--html-ul ks-tools">/);
    assert.match(html, /<button type="submit" class="utrecht-link-button utrecht-link-button--html-button/);
    const footer = section(html, 'footer', 'utrecht-page-footer');
    assert.match(footer, /<ul class="utrecht-link-list utrecht-link-list--html-ul ks-nav-footer">/);
    for (const link of tags(footer, 'a')) assert.ok(hasClass(link, 'utrecht-link-list__link'), link);
    // The breadcrumb.
    const crumbs = section(html, 'nav', 'utrecht-breadcrumb-nav');
    assert.match(crumbs, /<ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">/);
    assert.match(crumbs, /class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current="page"/);
    // The project's facts are a data list.
    assert.match(html, /<dl class="utrecht-data-list utrecht-data-list--html-dl ks-facts"><div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">/);
  });

  test('a target shows its status as a status badge; its facts as a data list', async () => {
    const html = (await get('anonymous', '/nl/leiden/targets/non-student-housing-study')).body;
    assert.match(html, /<span class="utrecht-status-badge utrecht-status-badge--(danger|warning|success|neutral) ks-status[^"]*">[^<]+<\/span>/);
    assert.match(html, /<dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><span class="utrecht-status-badge/);
  });

  test("the theme's colours reach the components through their tokens (a programme's theme restyles them)", async () => {
    const css = (await t.app.inject({ url: '/assets/app.css' })).body;
    for (const [token, value] of [
      ['--utrecht-page-header-background-color', 'var(--ks-color-primary)'],
      ['--utrecht-page-header-color', 'var(--ks-color-primary-contrast)'],
      ['--utrecht-page-footer-background-color', 'var(--ks-color-primary)'],
      ['--utrecht-page-footer-color', 'var(--ks-color-primary-contrast)'],
      ['--utrecht-data-badge-color', 'var(--ks-color-text)'],
      ['--utrecht-breadcrumb-nav-link-color', 'var(--ks-color-primary)'],
      ['--utrecht-link-color', 'var(--ks-color-primary)'],
    ]) {
      assert.ok(css.includes(`${token}: ${value};`), `${token}: ${value}`);
    }
    // The component stylesheet itself reads them.
    const components = (await t.app.inject({ url: '/assets/utrecht.css' })).body;
    for (const token of ['--utrecht-page-header-background-color', '--utrecht-nav-bar-background-color', '--utrecht-page-footer-color', '--utrecht-status-badge-danger-background-color', '--utrecht-data-list-item-key-font-weight']) {
      assert.ok(components.includes(`var(${token}`), token);
    }
  });

  for (const role of ROLES) {
    test(`no home-made header, fact list or badge on the pages of ${role}`, async () => {
      const pages = pagesFor(world, role);
      const problems: string[] = [];
      let checked = 0;
      for (const url of pages) {
        const response = await get(role, url);
        if (response.statusCode !== 200 || !String(response.headers['content-type']).startsWith('text/html')) continue;
        checked++;
        const html = response.body;
        const problem = (what: string) => problems.push(`${url}: ${what}`);
        if (!/<header class="utrecht-page-header /.test(html)) problem('no page header');
        if (!/<footer class="utrecht-page-footer /.test(html)) problem('no page footer');
        for (const dl of tags(html, 'dl')) if (!hasClass(dl, 'utrecht-data-list')) problem(dl);
        for (const dt of tags(html, 'dt')) if (!hasClass(dt, 'utrecht-data-list__item-key')) problem(dt);
        for (const dd of tags(html, 'dd')) if (!hasClass(dd, 'utrecht-data-list__item-value')) problem(dd);
        for (const badge of tags(html, 'span').filter((span) => hasClass(span, 'ks-badge'))) if (!hasClass(badge, 'utrecht-data-badge')) problem(badge);
        for (const badge of tags(html, 'span').filter((span) => hasClass(span, 'ks-status'))) if (!hasClass(badge, 'utrecht-status-badge')) problem(badge);
        // Every heading, an editor's Markdown ones included (src/features/website/markdown.ts).
        for (const heading of tags(html, 'h[1-6]')) if (!/\butrecht-heading-[1-6]\b/.test(heading)) problem(heading);
        // A hint, a limit or a live count under a label is a form field description.
        for (const hint of tags(html, 'div').filter((div) => /id="[^"]+-(description|limit)"/.test(div))) if (!hasClass(hint, 'utrecht-form-field-description')) problem(hint);
      }
      assert.ok(checked >= pages.length / 2, `${role}: checked ${checked} of ${pages.length}`);
      assert.deepEqual(problems, []);
    });
  }
});
