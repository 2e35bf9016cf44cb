// The records that hold files today, each answering with its own feature's rules (portfolio,
// meetings, website theme), so a file is exactly as visible as the record it belongs to.
import { and, eq } from 'drizzle-orm';
import { programmes, projectPartners, projects } from '../../db/schema.ts';
import { can } from '../../policies.ts';
import { INTERNAL_LIFECYCLES } from '../portfolio/queries.ts';
import { bodyRef, getMeeting } from '../meetings/queries.ts';
import { agendaItems } from '../meetings/tables.ts';
import { DOCUMENT_KINDS, LOGO_KINDS } from './content.ts';
import { registerFileOwner, type FileOwner } from './registry.ts';

export const PROJECT = 'project';
export const MEETING_ITEM = 'meeting-item';
export const PROGRAMME_LOGO = 'programme-logo';

// Project attachments: the coordinator and the project's lead manage them; whoever may see the
// project’s internal records sees them all; on a published project, signed-in users see them
// too and visitors only the ones the coordinator marked public.
const projectFiles: FileOwner = {
  kind: PROJECT,
  accept: DOCUMENT_KINDS,
  async access({ db, programme, ownerId, actor }) {
    const [project] = await db
      .select({ id: projects.id, code: projects.code, title: projects.title, published: projects.published, lifecycle: projects.lifecycle })
      .from(projects)
      .where(and(eq(projects.id, ownerId), eq(projects.programmeId, programme.id)));
    if (!project) return null;
    const partners = await db.select({ organisationId: projectPartners.organisationId }).from(projectPartners).where(eq(projectPartners.projectId, project.id));
    const ref = { id: project.id, programmeId: programme.id, partnerOrganisationIds: partners.map((p) => p.organisationId) };
    const isPublic = project.published && !INTERNAL_LIFECYCLES.includes(project.lifecycle);
    const internal = can(actor, 'project.viewInternal', ref);
    return {
      readAll: internal || (isPublic && !!actor),
      readPublic: isPublic,
      write: can(actor, 'project.edit', ref),
      publish: can(actor, 'programme.manage') && actor?.programmeId === programme.id,
      returnTo: `/${programme.slug}/projects/${project.code}`,
      title: project.title,
    };
  },
};

// Documents on an agenda item: seen by whoever may see the meeting (the body's members and the
// coordinator), added by the coordinator who prepares meetings.
const meetingItemFiles: FileOwner = {
  kind: MEETING_ITEM,
  accept: DOCUMENT_KINDS,
  async access({ db, programme, ownerId, actor }) {
    const [item] = await db
      .select({ meetingId: agendaItems.meetingId, title: agendaItems.title })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, ownerId), eq(agendaItems.programmeId, programme.id)));
    const found = item ? await getMeeting(db, programme.id, item.meetingId) : null;
    if (!item || !found) return null;
    const visible = can(actor, 'body.viewInternal', await bodyRef(db, found.body));
    return {
      readAll: visible,
      readPublic: false,
      write: visible && can(actor, 'agendaItem.addDocument', found.body),
      publish: false,
      returnTo: `/${programme.slug}/meetings/${item.meetingId}`,
      title: item.title,
    };
  },
};

// The programme's logo: public, shown inline in the page header, set in the theme editor.
const programmeLogo: FileOwner = {
  kind: PROGRAMME_LOGO,
  accept: LOGO_KINDS,
  inline: true,
  altRequired: true,
  single: true,
  async access({ db, programme, ownerId, actor }) {
    if (ownerId !== programme.id) return null;
    const [row] = await db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, programme.id));
    if (!row) return null;
    const manages = can(actor, 'programme.manage') && actor?.programmeId === programme.id;
    return { readAll: true, readPublic: true, write: manages, publish: false, returnTo: `/${programme.slug}/manage/website/theme`, title: row.name };
  },
};

export function registerFileOwners(): void {
  for (const owner of [projectFiles, meetingItemFiles, programmeLogo]) registerFileOwner(owner);
}
