// Open data: everything the public website shows of one programme, as one JSON download and as
// one CSV download. Always the anonymous view, whoever asks, so a published file never leaks.
import { and, asc, desc, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Type } from 'typebox';
import type { Db } from '../../../db/client.ts';
import { toCsv as writeCsv } from '../../../domain/export-cells.ts';
import { actions, bodies, organisations, programmes, projectPartners, projects, targets, themes } from '../../../db/schema.ts';
import { getAgreement } from '../../agreement/queries.ts';
import { programmeTerm } from '../../agreement/term-queries.ts';
import { decisionInForce } from '../../meetings/queries.ts';
import { decisions, meetings } from '../../meetings/tables.ts';
import { INTERNAL_LIFECYCLES } from '../../portfolio/queries.ts';
import { publicWhere } from '../../website/queries.ts';
import { events, newsItems } from '../../website/tables.ts';
import { registerApiResource } from '../registry.ts';
import { DateTimeSchema, Nullable, localized, problems } from '../schemas.ts';
import { licenceOf } from '../../open-data/licences.ts';
import { toAgreement } from './agreement.ts';
import { toDecision, toMeeting } from './meetings.ts';
import { ProgrammeParams } from './programmes.ts';
import { toEvent, toNews } from './website.ts';
import { OPEN_DATA_FORMAT_VERSION } from '../../../domain/network-profile.ts';
import { networkProfile } from '../../city-network/profile.ts';

type Text = { nl?: string; en?: string };

/**
 * The programme's public data, as the open-data downloads publish it. `formatVersion` names the
 * format (docs/open-data-format.md); 1.1 added `network`, the programme's network profile.
 */
export async function openData(db: Db, programmeId: string, baseUrl: string) {
  const lead = alias(organisations, 'export_lead');
  const publicProject = and(eq(projects.programmeId, programmeId), eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
  const [[programme], term, themeRows, projectRows, organisationRows, targetRows, governance, website, agreement] = await Promise.all([
    db.select().from(programmes).where(eq(programmes.id, programmeId)),
    programmeTerm(db, programmeId),
    db.select().from(themes).where(eq(themes.programmeId, programmeId)).orderBy(asc(themes.position)),
    db
      .select({ project: projects, themeCode: themes.code, leadSlug: lead.slug })
      .from(projects)
      .leftJoin(themes, eq(themes.id, projects.themeId))
      .leftJoin(lead, eq(lead.id, projects.leadOrganisationId))
      .where(publicProject)
      .orderBy(asc(projects.position), asc(projects.code)),
    db.select().from(organisations).where(eq(organisations.programmeId, programmeId)).orderBy(asc(organisations.slug)),
    db
      .select({ target: targets, projectCode: projects.code })
      .from(targets)
      .leftJoin(projects, eq(projects.id, targets.projectId))
      .where(and(eq(targets.programmeId, programmeId), or(isNull(targets.projectId), and(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES)))))
      .orderBy(asc(targets.key)),
    governanceData(db, programmeId),
    websiteData(db, programmeId),
    getAgreement(db, programmeId).then((row) => (row ? toAgreement(db, row) : null)),
  ]);
  const network = await networkProfile(db, programmeId, baseUrl);
  const projectIds = projectRows.map((r) => r.project.id);
  const [partnerRows, actionRows] = projectIds.length
    ? await Promise.all([
        db
          .select({ projectId: projectPartners.projectId, role: projectPartners.role, declaredInterest: projectPartners.declaredInterest, note: projectPartners.note, slug: organisations.slug })
          .from(projectPartners)
          .innerJoin(organisations, eq(organisations.id, projectPartners.organisationId))
          .where(inArray(projectPartners.projectId, projectIds))
          .orderBy(asc(projectPartners.position)),
        db
          .select({ action: actions, ownerSlug: organisations.slug })
          .from(actions)
          .leftJoin(organisations, eq(organisations.id, actions.ownerOrganisationId))
          .where(inArray(actions.projectId, projectIds))
          .orderBy(asc(actions.position), asc(actions.createdAt)),
      ])
    : [[], []];
  const orgSlug = new Map(organisationRows.map((o) => [o.id, o.slug]));
  return {
    formatVersion: OPEN_DATA_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    programme: {
      slug: programme!.slug,
      name: localized(programme!.name),
      city: programme!.city,
      periodStart: term.startOn,
      periodEnd: term.endOn,
      mission: localized(programme!.mission),
    },
    licence: licenceOf(programme!.openDataLicence).uri,
    themes: themeRows.map((t) => ({ code: t.code, title: localized(t.title), goal: localized(t.goal), description: localized(t.description) })),
    projects: projectRows.map(({ project, themeCode, leadSlug }) => ({
      code: project.code,
      theme: themeCode,
      title: localized(project.title),
      goal: localized(project.goal),
      description: localized(project.description),
      status: localized(project.status),
      lifecycle: project.lifecycle,
      leadOrganisation: leadSlug,
      partners: partnerRows
        .filter((p) => p.projectId === project.id)
        .map((p) => ({ organisation: p.slug, role: p.role, declaredInterest: p.declaredInterest, note: localized(p.note) })),
      actions: actionRows
        .filter((a) => a.action.projectId === project.id)
        .map(({ action, ownerSlug }) => ({
          description: localized(action.description),
          state: action.state,
          dueOn: action.dueOn,
          dueLabel: localized(action.dueLabel),
          completedOn: action.completedOn,
          ownerOrganisation: ownerSlug,
        })),
    })),
    organisations: organisationRows.map((o) => ({
      slug: o.slug,
      name: localized(o.name),
      shortName: o.shortName,
      kind: o.kind,
      parent: o.parentId ? (orgSlug.get(o.parentId) ?? null) : null,
      website: o.website,
    })),
    targets: targetRows.map(({ target, projectCode }) => ({
      key: target.key,
      project: projectCode,
      title: localized(target.title),
      targetValue: target.targetValue,
      unit: localized(target.unit),
      baselineValue: target.baselineValue,
      deadlineOn: target.deadlineOn,
      deadlineLabel: localized(target.deadlineLabel),
    })),
    ...governance,
    ...website,
    agreement,
    network,
  };
}

/**
 * Every meeting's schedule (public, as in the calendar feeds) and the public decisions in force
 * (confirmed, not withdrawn: as the decision pages); no agenda, minutes, non-public, unconfirmed or
 * withdrawn decision, whoever asks.
 */
async function governanceData(db: Db, programmeId: string) {
  const [meetingRows, decisionRows] = await Promise.all([
    db.select({ meeting: meetings, body: bodies }).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId)).where(eq(meetings.programmeId, programmeId)).orderBy(asc(meetings.startsAt)),
    db
      .select({ decision: decisions, meetingId: meetings.id, startsAt: meetings.startsAt, bodyKind: bodies.kind, bodyName: bodies.name })
      .from(decisions)
      .innerJoin(meetings, eq(meetings.id, decisions.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(decisions.programmeId, programmeId), eq(decisions.public, true), decisionInForce()))
      .orderBy(asc(meetings.startsAt), asc(decisions.createdAt)),
  ]);
  return {
    meetings: meetingRows.map(({ meeting, body }) => {
      const { sequence: _sequence, ...shown } = toMeeting(meeting, body);
      return shown;
    }),
    decisions: decisionRows.map(toDecision),
  };
}

/** News and events as the public site shows them: published, or scheduled and due. */
async function websiteData(db: Db, programmeId: string) {
  const [newsRows, eventRows] = await Promise.all([
    db.select().from(newsItems).where(and(eq(newsItems.programmeId, programmeId), publicWhere('news'))).orderBy(desc(newsItems.publishAt), desc(newsItems.createdAt)),
    db.select().from(events).where(and(eq(events.programmeId, programmeId), publicWhere('events'))).orderBy(asc(events.startsAt)),
  ]);
  return { news: newsRows.map(toNews), events: eventRows.map(toEvent) };
}

/**
 * One table for everything, in long form: a row per field, so one file holds every record type
 * and both languages side by side (columns: record, key, parent, field, nl, en).
 */
export function toCsv(data: Awaited<ReturnType<typeof openData>>): string {
  const rows: string[][] = [];
  const add = (record: string, key: string, parent: string, fields: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(fields)) {
      if (value === null || value === undefined) continue;
      if (typeof value === 'object' && !Array.isArray(value)) {
        const text = value as Text;
        if (!text.nl && !text.en) continue;
        rows.push([record, key, parent, field, text.nl ?? '', text.en ?? '']);
      } else {
        rows.push([record, key, parent, field, String(value), String(value)]);
      }
    }
  };
  const { programme } = data;
  add('programme', programme.slug, '', programme);
  if (data.licence) add('programme', programme.slug, '', { licence: data.licence });
  for (const theme of data.themes) add('theme', theme.code, programme.slug, theme);
  for (const project of data.projects) {
    const { partners, actions: projectActions, ...fields } = project;
    add('project', project.code, project.theme ?? '', fields);
    for (const partner of partners) add('partner', partner.organisation, project.code, partner);
    projectActions.forEach((action, index) => add('action', `${project.code}-${index + 1}`, project.code, action));
  }
  for (const organisation of data.organisations) add('organisation', organisation.slug, organisation.parent ?? '', organisation);
  for (const target of data.targets) add('target', target.key, target.project ?? '', target);
  for (const { body, ...meeting } of data.meetings) add('meeting', meeting.id, body.kind, meeting);
  for (const { body, meeting, ...decision } of data.decisions) add('decision', decision.id, meeting.id, { ...decision, body: body.kind, meetingStartsAt: meeting.startsAt });
  for (const item of data.news) add('news', item.slug, programme.slug, item);
  for (const item of data.events) add('event', item.slug, programme.slug, item);
  if (data.agreement) {
    const { parties, sections, ...agreement } = data.agreement;
    add('agreement', programme.slug, programme.slug, agreement);
    for (const { organisation, ...party } of parties) add('agreement-party', organisation.slug, programme.slug, party);
    for (const section of sections) add('agreement-section', section.key, programme.slug, section);
  }
  // Open data keeps one fixed format whatever the reader's language (RFC 4180, every field quoted).
  return writeCsv(['record', 'key', 'parent', 'field', 'nl', 'en'], rows, 'open');
}

const OpenDataSchema = Type.Object(
  {
    formatVersion: Type.String({ description: 'The version of this format (docs/open-data-format.md). 1.0 had no such field; 1.1 added `network`. Readers accept every 1.x and ignore fields they do not know.', examples: ['1.1'] }),
    generatedAt: DateTimeSchema,
    licence: Type.String({ format: 'uri', description: 'The licence of this data (the programme\'s setting; CC0 unless it chose otherwise).' }),
    programme: Type.Object({}, { additionalProperties: true }),
    themes: Type.Array(Type.Object({}, { additionalProperties: true })),
    projects: Type.Array(Type.Object({}, { additionalProperties: true })),
    organisations: Type.Array(Type.Object({}, { additionalProperties: true })),
    targets: Type.Array(Type.Object({}, { additionalProperties: true })),
    meetings: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Every meeting\'s schedule, as in the public calendar feeds (no agenda or minutes).' }),
    decisions: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Only the decisions marked public and in force (confirmed, not withdrawn).' }),
    news: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Published news items (and scheduled ones whose moment has come).' }),
    events: Type.Array(Type.Object({}, { additionalProperties: true }), { description: 'Published events.' }),
    agreement: Nullable(Type.Object({}, { additionalProperties: true, description: 'The agreement as it stands: term, parties and the current text.' })),
    network: Nullable(
      Type.Object({}, { additionalProperties: true, description: 'The network profile for the network of knowledge cities: themes, public projects with lead and status, targets with their latest measurement, and the results shared with the network (news items marked so). Other installations follow a programme by the URL of this file.' }),
    ),
  },
  { description: 'The programme\'s public data; the shapes follow the other endpoints, with organisations and projects referred to by slug and code.' },
);

registerApiResource({
  name: 'exports',
  order: 90,
  tag: { name: 'Open data', description: 'The programme\'s public data as one download.' },
  register(api, { db, config }) {
    api.get(
      '/programmes/:programme/open-data.json',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Open data'],
          operationId: 'exportOpenDataJson',
          summary: 'All public data of the programme as JSON',
          description: 'What the public website shows, whoever asks: themes, public projects with partners and actions, organisations, targets, meeting schedules, public decisions, news, events and the agreement.',
          params: ProgrammeParams,
          response: {
            200: { ...OpenDataSchema, headers: { 'Content-Disposition': { type: 'string', description: 'attachment; filename=...' } } },
            ...problems(400, 404),
          },
        },
      },
      async (request, reply) => {
        const data = await openData(db, request.programme!.id, config.baseUrl);
        reply.header('Content-Disposition', `attachment; filename="${request.programme!.slug}-open-data.json"`);
        return reply.type('application/json; charset=utf-8').send(JSON.stringify(data) as never);
      },
    );

    api.get(
      '/programmes/:programme/open-data.csv',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Open data'],
          operationId: 'exportOpenDataCsv',
          summary: 'All public data of the programme as CSV',
          description: 'The same data as open-data.json in one CSV table (RFC 4180, UTF-8), one row per field: record, key, parent, field, nl, en.',
          params: ProgrammeParams,
          response: {
            200: {
              description: 'CSV, UTF-8.',
              headers: { 'Content-Disposition': { type: 'string', description: 'attachment; filename=...' } },
              content: { 'text/csv': { schema: Type.String() } },
            },
            ...problems(400, 404),
          },
        },
      },
      async (request, reply) => {
        const data = await openData(db, request.programme!.id, config.baseUrl);
        reply.header('Content-Disposition', `attachment; filename="${request.programme!.slug}-open-data.csv"`);
        return reply.type('text/csv; charset=utf-8').send(toCsv(data) as never);
      },
    );
  },
});
