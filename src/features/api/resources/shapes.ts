// The JSON shapes of projects, partners and actions, shared by the project and action endpoints.
import { Type } from 'typebox';
import { ACTION_STATES, LIFECYCLES, PARTNER_ROLES, type actions, type organisations, type projectPartners } from '../../../db/schema.ts';
import { DateSchema, DateTimeSchema, LocalizedTextSchema, Nullable, StringEnum, isoInstant, localized } from '../schemas.ts';

export const OrganisationRefSchema = Type.Object({ slug: Type.String(), name: LocalizedTextSchema });
export const ThemeRefSchema = Type.Object({ code: Type.String(), title: LocalizedTextSchema });

export const ActionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  description: LocalizedTextSchema,
  state: StringEnum(ACTION_STATES),
  dueOn: Nullable(DateSchema),
  dueLabel: LocalizedTextSchema,
  completedOn: Nullable(DateSchema),
  ownerOrganisation: Nullable(OrganisationRefSchema),
  version: Type.Integer({ minimum: 1 }),
  updatedAt: DateTimeSchema,
});

export const PartnerSchema = Type.Object({
  organisation: OrganisationRefSchema,
  role: StringEnum(PARTNER_ROLES),
  declaredInterest: Type.Boolean(),
  note: LocalizedTextSchema,
  capacityHours: Type.Optional(Nullable(Type.Integer({ description: 'Committed capacity; only for callers who may see the project\'s internals.' }))),
  moneyCents: Type.Optional(Nullable(Type.Integer({ description: 'Committed money in euro cents; only for callers who may see the project\'s internals.' }))),
});

export const ProjectSummarySchema = Type.Object({
  code: Type.String(),
  title: LocalizedTextSchema,
  goal: LocalizedTextSchema,
  status: LocalizedTextSchema,
  lifecycle: StringEnum(LIFECYCLES),
  published: Type.Boolean(),
  theme: Nullable(ThemeRefSchema),
  leadOrganisation: Nullable(OrganisationRefSchema),
  leadNote: LocalizedTextSchema,
  version: Type.Integer({ minimum: 1 }),
  updatedAt: DateTimeSchema,
});

export const ProjectSchema = Type.Object({
  ...ProjectSummarySchema.properties,
  description: LocalizedTextSchema,
  partners: Type.Array(PartnerSchema),
  actions: Type.Array(ActionSchema),
});

type OrgRow = Pick<typeof organisations.$inferSelect, 'slug' | 'name'> | null;

export function toOrganisationRef(row: OrgRow) {
  return row ? { slug: row.slug, name: localized(row.name) } : null;
}

export function toAction(row: typeof actions.$inferSelect, owner: OrgRow) {
  return {
    id: row.id,
    description: localized(row.description),
    state: row.state,
    dueOn: row.dueOn,
    dueLabel: localized(row.dueLabel),
    completedOn: row.completedOn,
    ownerOrganisation: toOrganisationRef(owner),
    version: row.version,
    updatedAt: isoInstant(row.updatedAt)!,
  };
}

export function toPartner(partner: typeof projectPartners.$inferSelect, organisation: typeof organisations.$inferSelect, internal: boolean) {
  return {
    organisation: { slug: organisation.slug, name: localized(organisation.name) },
    role: partner.role,
    declaredInterest: partner.declaredInterest,
    note: localized(partner.note),
    ...(internal ? { capacityHours: partner.capacityHours, moneyCents: partner.moneyCents } : {}),
  };
}
