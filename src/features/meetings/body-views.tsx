// The steering group's bodies: the overview, and a body's page with its members (added and ended
// by the secretary) and its meetings.
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { Alert, ExampleBadge, Heading, Link, Prose, SelectField, SubmitButton, Text, TextField, TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { Body, listMembers, Meeting } from './queries.ts';
import { LeaveInput, MemberInput } from './schema.ts';
import { MEMBER_POSITIONS } from './tables.ts';
import { base, Cadence, crumbs, label } from './views.tsx';

type Members = Awaited<ReturnType<typeof listMembers>>;

export function BodiesPage({ ctx, bodies, members, subscribes }: { ctx: PageContext; bodies: Body[]; members: Map<string, Members>; subscribes?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('meetings.bodies.title')} crumbs={crumbs(ctx).slice(0, 2)}>
      <Heading level={1}>{t('meetings.bodies.title')}</Heading>
      <p class="utrecht-paragraph">{t('meetings.bodies.intro')}</p>
      {subscribes && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={`/${ctx.programme!.slug}/my-calendar`}>
            {t('meetings.feed.link')}
          </Link>
        </p>
      )}
      {bodies.map((body) => (
        <section aria-labelledby={`body-${body.kind}`}>
          <Heading level={2} id={`body-${body.kind}`}>
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/bodies/${body.kind}`}>
              <Text value={body.name} locale={locale} />
            </Link>
          </Heading>
          <Cadence ctx={ctx} body={body} />
          <Prose value={body.tasks} locale={locale} />
          <MemberList ctx={ctx} members={(members.get(body.id) ?? []).filter((m) => !m.membership.endsOn)} />
        </section>
      ))}
    </Layout>
  );
}

function MemberList({ ctx, members }: { ctx: PageContext; members: Members }) {
  if (members.length === 0) return <p class="utrecht-paragraph">{ctx.t('meetings.members.none')}</p>;
  return (
    <ul class="utrecht-unordered-list">
      {members.map((m) => (
        <li class="utrecht-unordered-list__item">
          {m.name}
          {m.organisation && (
            <>
              {' ('}
              <Text value={m.organisation} locale={ctx.locale} />
              {')'}
            </>
          )}
          {m.membership.position !== 'member' && <>, {ctx.t(`meetings.position.${m.membership.position}`)}</>}
          {m.membership.example && <> <ExampleBadge ctx={ctx} /></>}
        </li>
      ))}
    </ul>
  );
}

export interface BodyPageProps {
  ctx: PageContext;
  body: Body;
  members: Members;
  meetings: Meeting[] | null;
  /** May add members and end seats (body.manageMembers). */
  canPrepare: boolean;
  /** May plan a meeting of this body (meeting.plan). */
  canPlan: boolean;
  organisations: { slug: string; name: LocalizedText }[];
  /** Years with a mid-term evaluation to download (executive body, internal readers only). */
  evaluationYears?: number[];
  state?: FormState;
}

export function BodyPage({ ctx, body, members, meetings, canPrepare, canPlan, organisations, evaluationYears = [], state }: BodyPageProps) {
  const { t, locale } = ctx;
  const title = label(body.name, ctx);
  const bodyPath = `${base(ctx)}/bodies/${body.kind}`;
  const active = members.filter((m) => !m.membership.endsOn);
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, { label: title })} head={<link rel="alternate" type="text/calendar" href={`${bodyPath}/meetings.ics`} title={t('meetings.list.calendar')} />}>
      <Heading level={1}>{title}</Heading>
      <Cadence ctx={ctx} body={body} />
      {canPrepare && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base(ctx)}/meetings/settings`}>
            {t('meetings.settings.link')}
          </a>{' '}
          ({t('meetings.settings.notInAgreement')})
        </p>
      )}
      <Heading level={2}>{t('meetings.body.tasks')}</Heading>
      <Prose value={body.tasks} locale={locale} />
      {body.appointment.length > 0 && (
        <>
          <Heading level={2}>{t('meetings.body.appointment')}</Heading>
          {body.appointment.length > 1 && <Alert kind="info">{t('meetings.body.appointment.readings', { count: body.appointment.length })}</Alert>}
          <ol class="utrecht-ordered-list">
            {body.appointment.map((quote) => (
              <li class="utrecht-ordered-list__item">
                <blockquote class="utrecht-blockquote">
                  <Text as="p" value={quote} locale={locale} />
                </blockquote>
              </li>
            ))}
          </ol>
        </>
      )}

      <Heading level={2}>{t('meetings.members.title')}</Heading>
      {members.length === 0 && canPrepare && (
        <Alert kind="info">
          <p class="utrecht-paragraph">{t('meetings.members.emptyHint')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="#add-member">
              {t('meetings.members.emptyAction')}
            </a>
          </p>
        </Alert>
      )}
      {members.length === 0 ? (
        !canPrepare && <p class="utrecht-paragraph">{t('meetings.members.noneYet')}</p>
      ) : (
        <TableScroll label={t('meetings.members.title')}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('meetings.members.title')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.members.name')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.members.organisation')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.members.position')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.members.term')}</th>
                {canPrepare && (
                  <th class="utrecht-table__header-cell" scope="col">
                    {t('people.column')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {members.map((m) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    {m.name}
                    {m.membership.example && <> <ExampleBadge ctx={ctx} /></>}
                  </td>
                  <td class="utrecht-table__cell">{m.organisation ? <Text value={m.organisation} locale={locale} /> : ''}</td>
                  <td class="utrecht-table__cell">{t(`meetings.position.${m.membership.position}`)}</td>
                  <td class="utrecht-table__cell">
                    {m.membership.endsOn
                      ? t('meetings.members.between', { from: formatDate(locale, m.membership.startsOn), to: formatDate(locale, m.membership.endsOn) })
                      : t('meetings.members.since', { date: formatDate(locale, m.membership.startsOn) })}
                  </td>
                  {canPrepare && (
                    <td class="utrecht-table__cell">
                      {m.userId ? t('people.linked') : t('people.unlinked')}
                      {' — '}
                      <a class="utrecht-link" href={`${base(ctx)}/people/${m.membership.personId}`} aria-label={t('people.manage', { name: m.name })}>
                        {t(m.userId ? 'meetings.members.accountChange' : 'meetings.members.accountLink')}
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {canPrepare && (
        <section aria-labelledby="add-member">
          <Heading level={3} id="add-member">{t('meetings.members.add')}</Heading>
          <ErrorSummary ctx={ctx} state={state} form="member" />
          <PostForm ctx={ctx} action={`${bodyPath}/members`} label={t('meetings.members.add')} id="member">
            <TextField {...fieldProps(ctx, MemberInput, state, 'member', 'name')} label={t('meetings.members.name')} />
            <SelectField
              {...fieldProps(ctx, MemberInput, state, 'member', 'organisation')}
              label={t('meetings.members.organisation')}
              options={[{ value: '', label: '—' }, ...organisations.map((o) => ({ value: o.slug, label: label(o.name, ctx) }))]}
            />
            <SelectField
              {...fieldProps(ctx, MemberInput, state, 'member', 'position', 'member')}
              label={t('meetings.members.position')}
              options={MEMBER_POSITIONS.map((p) => ({ value: p, label: t(`meetings.position.${p}`) }))}
            />
            <TextField {...fieldProps(ctx, MemberInput, state, 'member', 'startsOn')} type="date" label={t('meetings.members.startsOn')} />
            <SelectField
              {...fieldProps(ctx, MemberInput, state, 'member', 'replaces')}
              label={t('meetings.members.replaces')}
              options={[{ value: '', label: t('meetings.members.nobody') }, ...active.map((m) => ({ value: m.membership.id, label: m.name }))]}
            />
            <SubmitButton>{t('meetings.members.add')}</SubmitButton>
          </PostForm>
          {active.length > 0 && <Heading level={3}>{t('meetings.members.leave')}</Heading>}
          {active.map((m) => {
            const form = `leave-${m.membership.id}`;
            return (
              <PostForm ctx={ctx} action={`${bodyPath}/members/${m.membership.id}/leave`} label={`${t('meetings.members.leave')}: ${m.name}`} id={form}>
                <ErrorSummary ctx={ctx} state={state} form={form} />
                <TextField {...fieldProps(ctx, LeaveInput, state, form, 'endsOn')} type="date" label={t('meetings.members.endsOn', { name: m.name })} />
                <SubmitButton secondary>{t('meetings.members.leave')}</SubmitButton>
              </PostForm>
            );
          })}
        </section>
      )}

      <Heading level={2}>{t('meetings.list.title')}</Heading>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${bodyPath}/meetings.ics`}>
          {t('meetings.list.calendar')}
        </a>
      </p>
      {canPlan && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${bodyPath}/meetings/new`}>
            {t('meetings.plan')}
          </a>
        </p>
      )}
      {meetings && meetings.length === 0 && <p class="utrecht-paragraph">{t('meetings.list.none')}</p>}
      {evaluationYears.length > 0 && (
        <ul class="utrecht-unordered-list">
          {evaluationYears.map((year) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`${bodyPath}/evaluations/${year}/report.pdf`}>
                {t('meetings.report.pdf', { year })}
              </a>
              {' · '}
              <a class="utrecht-link" href={`${bodyPath}/evaluations/${year}/report.docx`}>
                {t('meetings.report.docx', { year })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {meetings && meetings.length > 0 && (
        <ul class="utrecht-unordered-list">
          {meetings.map((m) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`${base(ctx)}/meetings/${m.id}`}>
                {formatDateTime(locale, m.startsAt)}
              </a>{' '}
              ({t(`meetings.state.${m.state}`)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

