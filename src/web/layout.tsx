// The page shell: skip link, header with programme navigation and language switch, breadcrumbs,
// main landmark and footer. Works without JavaScript; no inline script or style (strict CSP).
import type { ComponentChildren } from 'preact';
import { otherLocale, resolveText, type LocalizedText } from '../domain/localized.ts';
import { Breadcrumbs, CsrfField, type Crumb } from './components.tsx';
import { formatDate } from './i18n.ts';
import { localePath, type PageContext } from './context.ts';
import { menusFor, type NavItem } from './navigation.ts';
import { ProgrammeLogo } from '../features/files/views.tsx';
import { ENHANCE_SCRIPT } from './assets.ts';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  crumbs?: Crumb[];
  children: ComponentChildren;
  /** Extra tags for <head>, e.g. feed links. */
  head?: ComponentChildren;
  /** False for pages that must not be indexed (forms, errors). */
  indexable?: boolean;
  /** Open Graph type: "article" for a news item or event. */
  ogType?: 'website' | 'article';
  /** What the page is about, for search engines and link previews. */
  description?: string;
}

const OG_LOCALES = { nl: 'nl_NL', en: 'en_GB' } as const;

export function Layout({ ctx, title, crumbs = [], children, head, indexable = true, ogType = 'website', description }: LayoutProps) {
  const { t, locale, programme } = ctx;
  const other = otherLocale(locale);
  const programmeName = programme ? resolveText(programme.name, locale).text : t('app.name');
  const fullTitle = title === programmeName ? title : `${title} | ${programmeName}`;
  const programmeHome = programme ? `/${programme.slug}` : '/';
  const canonical = `${ctx.baseUrl}${localePath(locale, ctx.path)}`;
  // Every page describes itself: its own description, or one made from its title and the programme.
  const pageDescription = description || (programme ? t('layout.description', { title, programme: programmeName, city: programme.city }) : t('layout.descriptionApp'));
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {!indexable && <meta name="robots" content="noindex" />}
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/utrecht.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        {programme && <link rel="stylesheet" href={`/assets/theme/${programme.slug}.css`} />}
        {/* The one enhancement (live character count); a module script runs deferred, after the page is parsed
            (HTML forbids `defer` on it), and every page works without it. */}
        <script type="module" src={`/assets/${ENHANCE_SCRIPT}`} />
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hrefLang="nl" href={`${ctx.baseUrl}${localePath('nl', ctx.path)}`} />
        <link rel="alternate" hrefLang="en" href={`${ctx.baseUrl}${localePath('en', ctx.path)}`} />
        <link rel="alternate" hrefLang="x-default" href={`${ctx.baseUrl}${localePath('nl', ctx.path)}`} />
        <meta property="og:type" content={ogType} />
        <meta property="og:url" content={canonical} />
        <meta property="og:title" content={title} />
        <meta property="og:site_name" content={programmeName} />
        <meta property="og:locale" content={OG_LOCALES[locale]} />
        <meta property="og:locale:alternate" content={OG_LOCALES[other]} />
        <meta name="description" content={pageDescription} />
        {/* A link preview shows only a page's own description, never the generic one. */}
        {description && <meta property="og:description" content={description} />}
        {programme && (
          <>
            {/* Feed autodiscovery: a reader or search engine finds the programme's news and decisions from any of its pages. */}
            <link rel="alternate" type="application/atom+xml" title={t('layout.feed.news', { programme: programmeName })} href={localePath(locale, `/${programme.slug}/news/feed.atom`)} />
            <link rel="alternate" type="application/atom+xml" title={t('layout.feed.decisions', { programme: programmeName })} href={localePath(locale, `/${programme.slug}/decisions/feed.atom`)} />
          </>
        )}
        {head}
      </head>
      <body class="utrecht-document kennisstad-theme">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {t('layout.skipToContent')}
        </a>
        {/* NL Design System page layout: page header (with the menus), page body, page footer. */}
        <div class="utrecht-page-layout">
          <header class="utrecht-page-header ks-header">
            <div class="utrecht-page-header__content ks-bar">
              <a class="ks-brand" href={localePath(locale, programmeHome)}>
                <ProgrammeLogo ctx={ctx} />
                {programmeName}
                {programme && <span class="ks-brand-city">{programme.city}</span>}
              </a>
              <ul class="utrecht-link-list utrecht-link-list--html-ul ks-tools">
                <li class="utrecht-link-list__item">
                  <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={localePath(other, ctx.path)} hrefLang={other} lang={other}>
                    {t('layout.switchLanguage')}
                  </a>
                </li>
                {ctx.actor ? (
                  <>
                    <li class="utrecht-link-list__item">
                      <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={localePath(locale, '/account')}>
                        {ctx.actor.displayName}
                      </a>
                    </li>
                    <li class="utrecht-link-list__item">
                      <form method="post" action={localePath(locale, '/logout')}>
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="utrecht-link-button utrecht-link-button--html-button utrecht-link-button--inline ks-link-button">
                          {t('layout.logout')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li class="utrecht-link-list__item">
                    <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={`${localePath(locale, '/login')}?next=${encodeURIComponent(localePath(locale, ctx.path))}`}>
                      {t('layout.login')}
                    </a>
                  </li>
                )}
              </ul>
            </div>
            {programme && <Menus ctx={ctx} programmeHome={programmeHome} />}
          </header>
          <div class="utrecht-page-body">
            <div class="utrecht-page-body__content">
              <main id="main" class="utrecht-page-content ks-main" tabIndex={-1}>
                <Breadcrumbs ctx={ctx} crumbs={crumbs} />
                <StageNotice ctx={ctx} />
                {children}
              </main>
            </div>
          </div>
          <footer class="utrecht-page-footer ks-footer">
            <div class="utrecht-page-footer__content ks-bar">
              <p class="utrecht-paragraph">{programmeName}</p>
              {programme && (
                <ul class="utrecht-link-list utrecht-link-list--html-ul ks-nav-footer">
                  {(
                    [
                      ['contact', 'layout.contact'],
                      ['accessibility', 'layout.accessibility'],
                      ['privacy', 'layout.privacy'],
                      ['open-data', 'layout.openData'],
                    ] as const
                  ).map(([path, label]) => (
                    <li class="utrecht-link-list__item">
                      <a class="utrecht-link utrecht-link--html-a utrecht-link-list__link" href={localePath(locale, `/${programme.slug}/${path}`)}>
                        {t(label)}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}

/**
 * The public menu and, for someone signed in, their own menu: the start page first, then the pages
 * their role may open, grouped (programme, steering group, management). On a phone both fold behind
 * one "Menu" link that targets them (works without JavaScript: the targeted block shows its menus);
 * on wider screens the link is hidden and the menus show.
 */
function Menus({ ctx, programmeHome }: { ctx: PageContext; programmeHome: string }) {
  const { t } = ctx;
  const menus = menusFor(ctx);
  const own = [...menus.start, ...menus.groups.flatMap((entry) => entry.items)];
  // One item is the current section: the page itself, or the deepest menu item the page is under.
  const current = currentPath(ctx.path, [programmeHome, ...[...menus.public, ...own].map((item) => `${programmeHome}${item.path}`)]);
  const link = (item: NavItem) => <NavLink ctx={ctx} path={`${programmeHome}${item.path}`} label={t(item.label)} current={current} />;
  return (
    <div id="menu" class="ks-menus">
      <div class="ks-bar ks-menu-bar">
        <a class="ks-menu-button" href="#menu">
          {t('layout.menu')}
        </a>
      </div>
      <nav class="utrecht-nav-bar ks-nav" aria-label={t('layout.mainNavigation')}>
        <div class="utrecht-nav-bar__content ks-bar">
          <ul class="utrecht-nav-list">
            <NavLink ctx={ctx} path={programmeHome} label={t('nav.home')} current={current} />
            {menus.public.map(link)}
          </ul>
        </div>
      </nav>
      {ctx.actor && own.length > 0 && (
        <nav class="utrecht-nav-bar ks-nav ks-nav-own" aria-label={t('layout.ownNavigation')}>
          <div class="utrecht-nav-bar__content ks-bar">
            <ul class="utrecht-nav-list ks-nav-groups">
              {menus.start.map(link)}
              {menus.groups.map(({ group, items }) => (
                <li class="utrecht-nav-list__item ks-nav-group">
                  <span class="ks-nav-group__name" id={`menu-${group}`}>
                    {t(`nav.group.${group}`)}
                  </span>
                  <ul class="utrecht-nav-list" aria-labelledby={`menu-${group}`}>
                    {items.map(link)}
                  </ul>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
      {ctx.actor && <ProgrammeSwitch ctx={ctx} />}
    </div>
  );
}

/**
 * On every page of a finished programme (public and internal): it is an archive. A programme in
 * preparation says when it starts. A running one needs no notice.
 */
export function StageNotice({ ctx }: { ctx: PageContext }) {
  const { programme, programmeStage, t, locale } = ctx;
  if (!programme || !programmeStage) return null;
  if (programmeStage === 'running') {
    // A running programme that succeeds another says so on its home page.
    return programme.predecessor && ctx.path === `/${programme.slug}` ? (
      <div class="utrecht-alert utrecht-alert--info ks-stage-notice" data-stage="running">
        <div class="utrecht-alert__content">
          <Lineage ctx={ctx} />
        </div>
      </div>
    ) : null;
  }
  const dates = { start: formatDate(locale, programme.term.startOn), end: formatDate(locale, programme.term.endOn) };
  if (programmeStage === 'preparation') {
    return (
      <div class="utrecht-alert utrecht-alert--info ks-stage-notice" data-stage="preparation">
        <div class="utrecht-alert__content">
          <p class="utrecht-paragraph">{t('archive.notice.preparation', dates)}</p>
          <Lineage ctx={ctx} />
        </div>
      </div>
    );
  }
  return (
    <div class="utrecht-alert utrecht-alert--info ks-stage-notice" data-stage="finished">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">
          <strong>{t('archive.notice.title')}</strong>
        </p>
        <p class="utrecht-paragraph">{t('archive.notice.body', dates)}</p>
        <Lineage ctx={ctx} />
        {!programme.successor && ctx.may('programme.startSuccessor') && (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={localePath(locale, `/${programme.slug}/successor`)}>
              {t('lineage.startSuccessor')}
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

/** The programme's place in a line of programmes: the one it succeeds and the one that succeeds it, as links. */
export function Lineage({ ctx }: { ctx: PageContext }) {
  const { programme, t, locale } = ctx;
  if (!programme) return null;
  const link = (other: { slug: string; name: LocalizedText }, key: string, id: string) => {
    const name = resolveText(other.name, locale).text;
    const [before, after = ''] = t(key, { programme: '\u0000' }).split('\u0000');
    return (
      <p class="utrecht-paragraph" id={id}>
        {before}
        <a class="utrecht-link" href={localePath(locale, `/${other.slug}`)}>
          {name}
        </a>
        {after}
      </p>
    );
  };
  return (
    <>
      {programme.predecessor && link(programme.predecessor, 'lineage.predecessor', 'lineage-predecessor')}
      {programme.successor && link(programme.successor, 'lineage.successor', 'lineage-successor')}
    </>
  );
}

/**
 * For a person with roles in more than one programme: which programme they are in, and links to
 * their start page in each of the others (plain links: works without JavaScript).
 */
function ProgrammeSwitch({ ctx }: { ctx: PageContext }) {
  const { programme, t, locale } = ctx;
  const own = ctx.actorProgrammes ?? [];
  if (!programme || own.length < 2) return null;
  const others = own.filter((other) => other.slug !== programme.slug);
  return (
    <nav class="ks-bar ks-programme-switch" aria-label={t('switcher.label')}>
      <p>
        {t('switcher.current', { programme: resolveText(programme.name, locale).text })} {others.length > 0 && t('switcher.other')}
      </p>
      <ul>
        {others.map((other) => (
          <li>
            <a class="utrecht-link" href={localePath(locale, `/${other.slug}/my-work`)} data-programme={other.slug}>
              {resolveText(other.name, locale).text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The menu path the page is: itself, or else the deepest one it lies under (a project under Projects). */
function currentPath(path: string, menuPaths: string[]): { path: string; exact: boolean } | undefined {
  if (menuPaths.includes(path)) return { path, exact: true };
  const under = menuPaths.filter((menuPath) => menuPath.split('/').length > 2 && path.startsWith(`${menuPath}/`));
  const deepest = under.sort((a, b) => b.length - a.length)[0];
  return deepest ? { path: deepest, exact: false } : undefined;
}

/** A menu item, marked as the page (aria-current="page") or as the section the page is in ("true"). */
function NavLink({ ctx, path, label, current }: { ctx: PageContext; path: string; label: string; current: { path: string; exact: boolean } | undefined }) {
  const mark = current?.path === path ? (current.exact ? 'page' : 'true') : undefined;
  return (
    <li class="utrecht-nav-list__item">
      <a class="utrecht-link utrecht-link--html-a utrecht-nav-list__link" href={localePath(ctx.locale, path)} aria-current={mark}>
        {label}
      </a>
    </li>
  );
}
