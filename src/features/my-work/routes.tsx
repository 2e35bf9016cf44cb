// The start page after login ("my work"): per programme, what waits for the signed-in person.
// `/my-work` without a programme is where every login lands: it goes on to the programme the
// person has a role in (or lets them choose one).
import type { FastifyInstance } from 'fastify';
import { now, today } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { hasRole } from '../../domain/policy.ts';
import { sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { periodOf } from '../monitoring/periods.ts';
import './messages.ts';
import { openJoinRequests, organisationJoinRequests } from '../portfolio/join-requests.ts';
import { amendmentsAwaitingConsent, isCoordinator, leadWork, memberWork, partnerProjects } from './queries.ts';
import { ChooseProgrammePage, MyWorkPage, type MyWork } from './views.tsx';

export const MY_WORK_PATH = '/my-work';

export function registerMyWorkRoutes(app: FastifyInstance, db: Db, config: Config): void {
  // The signed-in person's start page: first in their menu.
  registerNavItem({ label: 'nav.myWork', path: MY_WORK_PATH, order: -10, start: true });

  for (const { locale, url } of localizedPaths(MY_WORK_PATH)) {
    app.get(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const rows = request.actorProgrammes ?? [];
      if (rows.length === 1) return reply.redirect(`/${locale}/${rows[0]!.slug}${MY_WORK_PATH}`, 303);
      if (rows.length === 0) return reply.redirect(`/${locale}/account`, 303);
      return sendHtml(reply, renderPage(<ChooseProgrammePage ctx={pageContext(request, config)} programmes={rows} />));
    });
  }

  for (const { url } of localizedPaths(`/:programme${MY_WORK_PATH}`)) {
    app.get<{ Params: { programme: string } }>(url, { config: { action: 'account.use' } }, async (request, reply) => {
      const actor = request.actor!;
      const programmeId = request.programme!.id;
      const period = periodOf(today());
      const ledProjects = actor.assignments.flatMap((a) => (a.role === 'lead' && a.projectId ? [a.projectId] : []));
      const partnerOrganisations = actor.assignments.flatMap((a) => (a.role === 'partner' && a.organisationId ? [a.organisationId] : []));
      const member = await memberWork(db, programmeId, actor, now());
      const hasMemberWork = hasRole(actor, 'support', 'executive') || member.nextMeetings.length > 0 || member.toConfirm.length > 0;
      const work: MyWork = {
        coordinator: isCoordinator(actor),
        lead: ledProjects.length > 0 ? await leadWork(db, programmeId, ledProjects, period) : null,
        member: hasMemberWork ? member : null,
        amendments: await amendmentsAwaitingConsent(db, programmeId, actor.userId),
        partnerProjects: hasRole(actor, 'partner') ? await partnerProjects(db, programmeId, partnerOrganisations) : null,
        // Requests to join: the coordinator reviews every project's, a lead their projects'; a partner sees their own.
        joinRequestsToReview: isCoordinator(actor) ? await openJoinRequests(db, programmeId, null) : ledProjects.length > 0 ? await openJoinRequests(db, programmeId, ledProjects) : null,
        ownJoinRequests: hasRole(actor, 'partner') ? await organisationJoinRequests(db, programmeId, partnerOrganisations) : null,
        period,
      };
      return sendHtml(reply, renderPage(<MyWorkPage ctx={pageContext(request, config)} work={work} />));
    });
  }
}
