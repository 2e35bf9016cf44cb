// Organisations taking part in the programme, with the (visible) projects they take part in.
import { and, asc, count, eq, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Type } from 'typebox';
import { ORGANISATION_KINDS, PARTNER_ROLES, organisations, projectPartners, projects } from '../../../db/schema.ts';
import { notFound } from '../../../web/http.ts';
import { INTERNAL_LIFECYCLES } from '../../portfolio/queries.ts';
import { seesInternal } from '../access.ts';
import { registerApiResource } from '../registry.ts';
import { LocalizedTextSchema, Nullable, PagingQuery, StringEnum, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { OrganisationRefSchema, toOrganisationRef } from './shapes.ts';

const OrganisationSchema = Type.Object({
  slug: Type.String(),
  name: LocalizedTextSchema,
  shortName: Nullable(Type.String()),
  kind: StringEnum(ORGANISATION_KINDS),
  parent: Nullable(OrganisationRefSchema),
  website: Nullable(Type.String()),
  description: LocalizedTextSchema,
});

const OrganisationDetailSchema = Type.Object({
  ...OrganisationSchema.properties,
  projects: Type.Array(
    Type.Object({
      code: Type.String(),
      title: LocalizedTextSchema,
      role: StringEnum(PARTNER_ROLES),
    }),
  ),
});

const parent = alias(organisations, 'api_parent_organisation');

type Row = { organisation: typeof organisations.$inferSelect; parent: { slug: string | null; name: unknown } | null };

function toOrganisation({ organisation, parent: up }: Row) {
  return {
    slug: organisation.slug,
    name: localized(organisation.name),
    shortName: organisation.shortName,
    kind: organisation.kind,
    parent: up?.slug ? toOrganisationRef(up as { slug: string; name: { nl?: string; en?: string } }) : null,
    website: organisation.website,
    description: localized(organisation.description),
  };
}

registerApiResource({
  name: 'organisations',
  order: 50,
  tag: { name: 'Organisations', description: 'The parties and other organisations in the programme.' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/organisations',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Organisations'],
          operationId: 'listOrganisations',
          summary: 'List organisations',
          description: 'The organisations of the programme, by slug; filter by kind.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery, kind: Type.Optional(StringEnum(ORGANISATION_KINDS)) }, { additionalProperties: false }),
          response: { 200: pageOf(OrganisationSchema, 'A page of organisations.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const parts: SQL[] = [eq(organisations.programmeId, request.programme!.id)];
        if (request.query.kind) parts.push(eq(organisations.kind, request.query.kind));
        const where = and(...parts);
        const [rows, [total]] = await Promise.all([
          db
            .select({ organisation: organisations, parent: { slug: parent.slug, name: parent.name } })
            .from(organisations)
            .leftJoin(parent, eq(parent.id, organisations.parentId))
            .where(where)
            .orderBy(asc(organisations.slug))
            .limit(paging.pageSize)
            .offset(paging.offset),
          db.select({ n: count() }).from(organisations).where(where),
        ]);
        return pageEnvelope(rows.map(toOrganisation), paging, total!.n, `/programmes/${request.programme!.slug}/organisations`, request.query);
      },
    );

    api.get(
      '/programmes/:programme/organisations/:organisationSlug',
      {
        config: { action: 'public' },
        schema: {
          tags: ['Organisations'],
          operationId: 'getOrganisation',
          summary: 'Get an organisation and the projects it takes part in',
          description: 'The organisation, its parent organisation and the projects it takes part in that the caller may see.',
          params: Type.Object({ ...ProgrammeParams.properties, organisationSlug: Type.String({ maxLength: 80 }) }),
          response: { 200: { ...OrganisationDetailSchema, description: 'The organisation.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const programmeId = request.programme!.id;
        const [row] = await db
          .select({ organisation: organisations, parent: { slug: parent.slug, name: parent.name } })
          .from(organisations)
          .leftJoin(parent, eq(parent.id, organisations.parentId))
          .where(and(eq(organisations.programmeId, programmeId), eq(organisations.slug, request.params.organisationSlug)));
        if (!row) throw notFound();
        const visible: SQL[] = [eq(projectPartners.organisationId, row.organisation.id), eq(projects.programmeId, programmeId)];
        if (!seesInternal(request)) visible.push(eq(projects.published, true), notInArray(projects.lifecycle, INTERNAL_LIFECYCLES));
        const roles = await db
          .select({ code: projects.code, title: projects.title, role: projectPartners.role })
          .from(projectPartners)
          .innerJoin(projects, eq(projects.id, projectPartners.projectId))
          .where(and(...visible))
          .orderBy(asc(projects.position), asc(projects.code));
        return { ...toOrganisation(row), projects: roles.map((r) => ({ code: r.code, title: localized(r.title), role: r.role })) };
      },
    );
  },
});
