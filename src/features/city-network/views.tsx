// The network page (public, per programme) and the coordinator's page that chooses what the
// programme follows. Texts from other installations are shown as text (escaped) and their links
// only when they are http(s) (src/domain/network-profile.ts read them so).
import type { Locale, LocalizedText } from '../../domain/localized.ts';
import { resolveText } from '../../domain/localized.ts';
import type { TargetGroup, ThemeRow } from '../../domain/network-profile.ts';
import { Alert, Heading, Link, SelectField, SubmitButton, TableScroll, Text, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDate, formatDateTime, type Translate } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import { formatNumber } from '../monitoring/views.tsx';
import type { NetworkMember, SourceRow } from './queries.ts';
import { FollowForm } from './schema.ts';

const programmeCrumb = (ctx: PageContext) => ({ label: resolveText(ctx.programme!.name, ctx.locale).text, href: localePath(ctx.locale, `/${ctx.programme!.slug}`) });

/** A source's error code ("timeout", "status:500", "read.notJson") in words. */
export function fetchErrorText(t: Translate, code: string): string {
  const [base, detail] = code.split(/:(.*)/s) as [string, string | undefined];
  const key = `cityNetwork.fetch.${base}`;
  const text = t(key);
  if (text === key) return t('cityNetwork.fetch.unknown');
  return base === 'status' && detail ? `${text} (${detail})` : text;
}

const hostOf = (url: string | null) => {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
};

/** A link per language to another site's page; text only when the source gave none. */
function Out({ url, locale, children }: { url: LocalizedText; locale: Locale; children: preact.ComponentChildren }) {
  const href = url[locale] ?? url.nl ?? url.en;
  return href ? (
    <a class="utrecht-link" href={href}>
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

export interface ChartedGroup {
  group: TargetGroup;
  svg: string | null;
}

export function NetworkPage({ ctx, members, themes, groups, results, canManage }: { ctx: PageContext; members: NetworkMember[]; themes: ThemeRow[]; groups: ChartedGroup[]; results: { member: NetworkMember; result: NonNullable<NetworkMember['profile']>['results'][number] }[]; canManage: boolean }) {
  const { t, locale } = ctx;
  const title = t('cityNetwork.title');
  const programme = resolveText(ctx.programme!.name, locale).text;
  const shown = members.filter((m) => m.profile !== null);
  const nameOf = (m: NetworkMember) => (m.profile ? <Text value={m.profile.programme.name} locale={locale} /> : (m.url ?? ''));
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]} description={t('cityNetwork.description', { programme })}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('cityNetwork.intro', { programme })}</p>
      {canManage && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/manage/network`}>
            {t('cityNetwork.manageLink')}
          </Link>
        </p>
      )}

      <Heading level={2}>{t('cityNetwork.sources')}</Heading>
      {members.length === 1 ? (
        <p class="utrecht-paragraph">{t('cityNetwork.sources.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list ks-network-sources" id="network-sources">
          {members.slice(1).map((m) => (
            <li class="utrecht-unordered-list__item" data-source={m.sourceId ?? ''}>
              {m.profile ? <Out url={m.profile.programme.url} locale={locale}>{nameOf(m)}</Out> : nameOf(m)}
              {m.profile?.programme.city ? ` (${m.profile.programme.city})` : ''} — {m.origin === 'local' ? t('cityNetwork.origin.local') : t('cityNetwork.origin.remote', { host: hostOf(m.url) })}
              {m.origin === 'remote' && (
                <>
                  {' '}
                  {m.lastReachedAt ? t('cityNetwork.reached', { when: formatDateTime(locale, m.lastReachedAt) }) : t('cityNetwork.neverReached')}
                  {m.lastError && (
                    <>
                      {' '}
                      <strong class="ks-network-error">{t('cityNetwork.lastError', { error: fetchErrorText(t, m.lastError) })}</strong> {m.profile ? t('cityNetwork.showingCopy') : t('cityNetwork.noCopy')}
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}

      <Heading level={2}>{t('cityNetwork.themes')}</Heading>
      <TableScroll label={t('cityNetwork.themes')}>
        <table class="utrecht-table ks-table" id="network-themes">
          <caption class="utrecht-table__caption">{t('cityNetwork.themes.caption')}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.themes.theme')}</th>
              {shown.map((m) => (
                <th class="utrecht-table__header-cell" scope="col">
                  {nameOf(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {themes.map((row) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <Text value={row.title} locale={locale} />
                </th>
                {shown.map((m) => {
                  const theme = row.cells[shown.indexOf(m)];
                  const projects = theme ? m.profile!.projects.filter((p) => p.theme === theme.code) : [];
                  return (
                    <td class="utrecht-table__cell">
                      {!theme ? (
                        <span class="ks-muted">{t('cityNetwork.themes.none')}</span>
                      ) : (
                        <ul class="utrecht-unordered-list">
                          {projects.map((p) => (
                            <li class="utrecht-unordered-list__item">
                              <Out url={p.url} locale={locale}>
                                {p.code}: <Text value={p.title} locale={locale} />
                              </Out>
                              {(p.lead.nl || p.lead.en) && <> — {t('cityNetwork.project.lead', { lead: resolveText(p.lead, locale).text })}</>}
                              {(p.status.nl || p.status.en) && (
                                <>
                                  {' '}
                                  (<Text value={p.status} locale={locale} />)
                                </>
                              )}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <Heading level={2}>{t('cityNetwork.targets')}</Heading>
      {groups.length === 0 ? (
        <p class="utrecht-paragraph">{t('cityNetwork.targets.none')}</p>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('cityNetwork.targets.intro')}</p>
          {groups.map(({ group, svg }, index) => {
            const unit = resolveText(group.unit, locale).text;
            return (
              <section aria-labelledby={`unit-${index}`}>
                <Heading level={3} id={`unit-${index}`}>
                  {t('cityNetwork.targets.unit', { unit })}
                </Heading>
                {svg && (
                  <figure class="ks-chart-figure">
                    <div class="ks-chart-wrap" dangerouslySetInnerHTML={{ __html: svg }} />
                  </figure>
                )}
                <TableScroll label={t('cityNetwork.targets.caption', { unit })}>
                  <table class="utrecht-table ks-table">
                    <caption class="utrecht-table__caption">{t('cityNetwork.targets.caption', { unit })}</caption>
                    <thead class="utrecht-table__header">
                      <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.programme')}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.target')}</th>
                        <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.latestOn')}</th>
                        <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cityNetwork.col.latest')}</th>
                        <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">{t('cityNetwork.col.targetValue')}</th>
                      </tr>
                    </thead>
                    <tbody class="utrecht-table__body">
                      {group.targets.map((target) => (
                        <tr class="utrecht-table__row">
                          <td class="utrecht-table__cell">{nameOf(shown[target.programme]!)}</td>
                          <td class="utrecht-table__cell">
                            <Text value={target.title} locale={locale} />
                          </td>
                          <td class="utrecht-table__cell">{target.latest ? formatDate(locale, target.latest.on) : '—'}</td>
                          <td class="utrecht-table__cell utrecht-table__cell--numeric">{target.latest ? formatNumber(locale, target.latest.value) : '—'}</td>
                          <td class="utrecht-table__cell utrecht-table__cell--numeric">{target.targetValue !== null ? formatNumber(locale, target.targetValue) : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>
            );
          })}
        </>
      )}

      <Heading level={2}>{t('cityNetwork.results')}</Heading>
      {results.length === 0 ? (
        <p class="utrecht-paragraph">{t('cityNetwork.results.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list" id="network-results">
          {results.map(({ member, result }) => {
            const from = resolveText(member.profile!.programme.name, locale).text;
            return (
              <li class="utrecht-unordered-list__item">
                <Out url={result.url} locale={locale}>
                  <Text value={result.title} locale={locale} />
                </Out>{' '}
                <span class="ks-muted">— {result.date ? t('cityNetwork.results.from', { programme: from, date: formatDate(locale, result.date) }) : t('cityNetwork.results.fromUndated', { programme: from })}</span>
                {(result.summary.nl || result.summary.en) && <Text value={result.summary} locale={locale} as="p" />}
              </li>
            );
          })}
        </ul>
      )}
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/open-data`}>
          {t('cityNetwork.openDataLink')}
        </Link>
      </p>
    </Layout>
  );
}

export function ManageNetworkPage({ ctx, sources, followable, form, notice, pollMinutes }: { ctx: PageContext; sources: SourceRow[]; followable: { slug: string; name: LocalizedText; city: string }[]; form?: FormState; notice?: string; pollMinutes: number }) {
  const { t, locale } = ctx;
  const title = t('cityNetwork.manage.title');
  const base = `/${ctx.programme!.slug}/manage/network`;
  const labelOf = (s: SourceRow) => (s.followedName ? resolveText(s.followedName, locale).text : (s.lastGood ? resolveText(s.lastGood.programme.name, locale).text : '') || s.url || '');
  return (
    <Layout ctx={ctx} title={title} crumbs={[programmeCrumb(ctx), { label: title }]} indexable={false}>
      <Heading level={1}>{title}</Heading>
      {notice && <Alert kind="ok">{t(notice)}</Alert>}
      <p class="utrecht-paragraph">{t('cityNetwork.manage.intro', { minutes: pollMinutes })}</p>
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={`/${ctx.programme!.slug}/network`}>
          {t('cityNetwork.manage.public')}
        </Link>
      </p>

      <Heading level={2}>{t('cityNetwork.manage.list')}</Heading>
      {sources.length === 0 ? (
        <p class="utrecht-paragraph">{t('cityNetwork.manage.none')}</p>
      ) : (
        <TableScroll label={t('cityNetwork.manage.list')}>
          <table class="utrecht-table ks-table" id="network-follows">
            <caption class="utrecht-table__caption">{t('cityNetwork.manage.list')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.source')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.reached')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.error')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('cityNetwork.col.actions')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {sources.map((s) => (
                <tr class="utrecht-table__row" data-source={s.id}>
                  <td class="utrecht-table__cell">
                    {labelOf(s)}
                    <br />
                    <span class="ks-muted ks-break">{s.url ?? t('cityNetwork.origin.local')}</span>
                  </td>
                  <td class="utrecht-table__cell">{s.url ? (s.lastReachedAt ? formatDateTime(locale, s.lastReachedAt) : t('cityNetwork.manage.never')) : t('cityNetwork.manage.live')}</td>
                  <td class="utrecht-table__cell">{s.lastError ? fetchErrorText(t, s.lastError) : t('cityNetwork.manage.noError')}</td>
                  <td class="utrecht-table__cell">
                    {s.url && (
                      <PostForm ctx={ctx} action={localePath(locale, `${base}/${s.id}/refresh`)} label={t('cityNetwork.manage.refreshLabel', { source: labelOf(s) })}>
                        <SubmitButton secondary>{t('cityNetwork.manage.refresh')}</SubmitButton>
                      </PostForm>
                    )}
                    <PostForm ctx={ctx} action={localePath(locale, `${base}/${s.id}/delete`)} label={t('cityNetwork.manage.removeLabel', { source: labelOf(s) })}>
                      <SubmitButton secondary>{t('cityNetwork.manage.remove')}</SubmitButton>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <Heading level={2}>{t('cityNetwork.manage.local')}</Heading>
      <ErrorSummary ctx={ctx} state={form} form="local" />
      {followable.length === 0 ? (
        <p class="utrecht-paragraph">{t('cityNetwork.manage.localNone')}</p>
      ) : (
        <>
          <PostForm ctx={ctx} action={localePath(locale, base)} label={t('cityNetwork.manage.local')} id="local">
            <input type="hidden" name="kind" value="local" />
            <SelectField
              {...fieldProps(ctx, FollowForm, form, 'local', 'programme')}
              label={t('cityNetwork.manage.programme')}
              options={followable.map((p) => ({ value: p.slug, label: `${resolveText(p.name, locale).text} (${p.city})` }))}
            />
            <SubmitButton>{t('cityNetwork.manage.follow')}</SubmitButton>
          </PostForm>
        </>
      )}

      <Heading level={2}>{t('cityNetwork.manage.remote')}</Heading>
      <ErrorSummary ctx={ctx} state={form} form="remote" />
      <PostForm ctx={ctx} action={localePath(locale, base)} label={t('cityNetwork.manage.remote')} id="remote">
        <input type="hidden" name="kind" value="remote" />
        <TextField {...fieldProps(ctx, FollowForm, form, 'remote', 'url')} type="url" label={t('cityNetwork.manage.url')} description={t('cityNetwork.manage.urlHelp')} />
        <SubmitButton>{t('cityNetwork.manage.follow')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}
