// The start page after login: what waits for this person, each entry a link to the page where
// the work is done. Sections appear only for the roles the person holds.
import type { ComponentChildren } from 'preact';
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { Alert, Heading } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { formatDate, formatDateTime } from '../../web/i18n.ts';
import { Layout } from '../../web/layout.tsx';
import type { LeadWork, MemberWork } from './queries.ts';
import { fileUrl } from '../files/views.tsx';
import type { JoinRequestRow } from '../portfolio/join-requests.ts';
import '../portfolio/join-request-messages.ts';

export interface MyWork {
  coordinator: boolean;
  lead: LeadWork | null;
  member: MemberWork | null;
  amendments: { number: number; title: LocalizedText }[];
  partnerProjects: { code: string; title: LocalizedText; role: string }[] | null;
  /** Open requests to join that the person decides on (lead, coordinator); null when they decide none. */
  joinRequestsToReview: JoinRequestRow[] | null;
  /** The requests the person's organisations made (partner contacts). */
  ownJoinRequests: JoinRequestRow[] | null;
  period: string;
}

function Section({ id, title, empty, children, count }: { id: string; title: string; empty: string; count: number; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="ks-panel">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {count === 0 ? <p class="utrecht-paragraph">{empty}</p> : <ul class="utrecht-unordered-list">{children}</ul>}
    </section>
  );
}

function Item({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <li class="utrecht-unordered-list__item">
      <a class="utrecht-link" href={href}>
        {children}
      </a>
    </li>
  );
}

export function MyWorkPage({ ctx, work }: { ctx: PageContext; work: MyWork }) {
  const { t, locale } = ctx;
  const at = (path: string) => localePath(locale, `/${ctx.programme!.slug}${path}`);
  const text = (value: LocalizedText | Record<string, string | undefined>) => resolveText(value as LocalizedText, locale).text;
  const title = t('myWork.title');
  const nothing = !work.coordinator && !work.lead && !work.member && work.amendments.length === 0 && !work.partnerProjects;
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: title }]}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('myWork.intro', { name: ctx.actor?.displayName ?? '' })}</p>
      {(ctx.actorProgrammes ?? []).length > 1 && (
        <section class="ks-panel" aria-labelledby="my-programmes">
          <Heading level={2} id="my-programmes">
            {t('myWork.programmes')}
          </Heading>
          <p class="utrecht-paragraph">{t('myWork.programmes.intro')}</p>
          <ul class="utrecht-unordered-list">
            {ctx.actorProgrammes!.map((programme) => (
              <li class="utrecht-unordered-list__item">
                {programme.slug === ctx.programme!.slug ? (
                  <strong aria-current="page">{t('myWork.programmes.current', { programme: text(programme.name) })}</strong>
                ) : (
                  <a class="utrecht-link" href={localePath(locale, `/${programme.slug}/my-work`)} data-programme={programme.slug}>
                    {t('myWork.programmes.switch', { programme: text(programme.name) })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {work.coordinator && (
        <Alert kind="info">
          <p class="utrecht-paragraph">
            {t('myWork.coordinator')}{' '}
            <a class="utrecht-link" href={at('/dashboard')} id="my-work-dashboard">
              {t('myWork.dashboard')}
            </a>
          </p>
        </Alert>
      )}
      {nothing && <p class="utrecht-paragraph">{t('myWork.nothing')}</p>}

      {work.member && (
        <>
          <Section id="my-next-meetings" title={t('myWork.nextMeetings')} empty={t('myWork.nextMeetings.none')} count={work.member.nextMeetings.length}>
            {work.member.nextMeetings.map((m) => (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={at(`/meetings/${m.id}`)}>
                  {t('myWork.meeting', { body: text(m.bodyName), when: formatDateTime(locale, m.startsAt) })}
                </a>
                {m.location && <> — {m.location}</>}
                {m.documents.length + m.files.length > 0 ? (
                  <ul class="utrecht-unordered-list">
                    {m.documents.map((d) => (
                      <li class="utrecht-unordered-list__item">
                        <a class="utrecht-link" href={d.url}>
                          {text(d.title)}
                        </a>
                      </li>
                    ))}
                    {m.files.map((file) => (
                      <li class="utrecht-unordered-list__item">
                        <a class="utrecht-link" href={fileUrl(ctx, file.id)} download={file.name}>
                          {file.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <> ({t('myWork.noDocuments')})</>
                )}
              </li>
            ))}
          </Section>
          <Section id="my-confirmations" title={t('myWork.confirm')} empty={t('myWork.confirm.none')} count={work.member.toConfirm.length}>
            {work.member.toConfirm.map((d) => (
              <Item href={at(`/meetings/${d.meetingId}`)}>
                {text(d.text)} ({t('myWork.meeting', { body: text(d.bodyName), when: formatDate(locale, toAmsterdam(d.startsAt).date) })})
              </Item>
            ))}
          </Section>
          <Section id="my-proposals" title={t('myWork.proposals')} empty={t('myWork.proposals.none')} count={work.member.proposals.length + work.member.applications.length}>
            {work.member.proposals.map((p) => (
              <Item href={at(`/projects/${p.code}/admission`)}>
                {t(`myWork.proposal.${p.step}`, { code: p.code, title: text(p.title) })}
              </Item>
            ))}
            {work.member.applications.map((a) => (
              <Item href={at(`/fund/applications/${a.id}`)}>{t(`myWork.application.${a.step}`, { code: a.projectCode })}</Item>
            ))}
          </Section>
        </>
      )}

      {work.amendments.length > 0 && (
        <Section id="my-amendments" title={t('myWork.amendments')} empty="" count={work.amendments.length}>
          {work.amendments.map((a) => (
            <Item href={at(`/agreement/amendments/${a.number}`)}>{t('myWork.amendment', { number: a.number, title: text(a.title) })}</Item>
          ))}
        </Section>
      )}

      {work.joinRequestsToReview && (
        <Section id="my-join-requests" title={t('myWork.joinRequests')} empty={t('myWork.joinRequests.none')} count={work.joinRequestsToReview.length}>
          {work.joinRequestsToReview.map(({ request, organisation, project }) => (
            <Item href={at(`/projects/${encodeURIComponent(project.code)}/join-requests/${request.id}`)}>
              {t('myWork.joinRequest.review', { code: project.code, organisation: text(organisation.name), date: formatDate(locale, request.createdAt.toISOString().slice(0, 10)) })}
            </Item>
          ))}
        </Section>
      )}

      {work.lead && (
        <>
          <Section id="my-reports" title={t('myWork.reports', { period: work.period })} empty={t('myWork.reports.none', { period: work.period })} count={work.lead.reportsDue.length}>
            {work.lead.reportsDue.map((p) => (
              <Item href={at(`/projects/${p.code}/report`)}>{t('myWork.report', { code: p.code, title: text(p.title), period: work.period })}</Item>
            ))}
          </Section>
          <Section id="my-actions" title={t('myWork.actions')} empty={t('myWork.actions.none')} count={work.lead.actions.length}>
            {work.lead.actions.map((a) => (
              <Item href={at(`/projects/${a.projectCode}`)}>
                {a.projectCode}: {text(a.description)}
                {a.dueOn && <> — {t('myWork.due', { date: formatDate(locale, a.dueOn) })}</>}
              </Item>
            ))}
          </Section>
          <Section id="my-targets" title={t('myWork.targets')} empty={t('myWork.targets.none')} count={work.lead.targets.length}>
            {work.lead.targets.map((target) => (
              <Item href={at(`/targets/${target.key}`)}>{t('myWork.target', { code: target.projectCode, title: text(target.title) })}</Item>
            ))}
          </Section>
          <Section id="my-applications" title={t('myWork.applications')} empty={t('myWork.applications.none')} count={work.lead.applications.length}>
            {work.lead.applications.map((a) => (
              <Item href={at(`/fund/applications/${a.id}`)}>{t('myWork.ownApplication', { code: a.projectCode, fund: text(a.fundName), status: t(`myWork.status.${a.status}`) })}</Item>
            ))}
          </Section>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={at('/fund/applications/new')}>
              {t('myWork.apply')}
            </a>
          </p>
        </>
      )}

      {work.partnerProjects && (
        <Section id="my-projects" title={t('myWork.partnerProjects')} empty={t('myWork.partnerProjects.none')} count={work.partnerProjects.length}>
          {work.partnerProjects.map((p) => (
            <Item href={at(`/projects/${p.code}`)}>
              {p.code} {text(p.title)}
            </Item>
          ))}
        </Section>
      )}
      {work.ownJoinRequests && (
        <Section id="my-own-join-requests" title={t('myWork.ownJoinRequests')} empty={t('myWork.ownJoinRequests.none')} count={work.ownJoinRequests.length}>
          {work.ownJoinRequests.map(({ request, project }) => (
            <Item href={at(`/projects/${encodeURIComponent(project.code)}#join-requests`)}>
              {t('myWork.ownJoinRequest', { code: project.code, title: text(project.title), status: t(`pf.joinRequest.status.${request.status}`) })}
              {request.status === 'declined' && text(request.reason) && <> ({t('pf.joinRequest.reason')}: {text(request.reason)})</>}
            </Item>
          ))}
        </Section>
      )}
    </Layout>
  );
}

/** Signed in with roles in several programmes: choose which start page. */
export function ChooseProgrammePage({ ctx, programmes }: { ctx: PageContext; programmes: { slug: string; name: LocalizedText }[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('myWork.title')} indexable={false} crumbs={[{ label: t('myWork.title') }]}>
      <Heading level={1}>{t('myWork.title')}</Heading>
      <p class="utrecht-paragraph">{t('myWork.choose')}</p>
      <ul class="utrecht-unordered-list">
        {programmes.map((p) => (
          <Item href={localePath(locale, `/${p.slug}/my-work`)}>{resolveText(p.name, locale).text}</Item>
        ))}
      </ul>
    </Layout>
  );
}
