// The agreement: its parties and current text, every consolidated version, and its amendments.
// As on the pages: the text, versions and adopted amendments are public; pending proposals exist
// only for the parties' representatives and the coordinator (404 for everyone else).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../../db/client.ts';
import { programmeTerm } from '../../agreement/term-queries.ts';
import { notFound } from '../../../web/http.ts';
import { can } from '../../../policies.ts';
import * as q from '../../agreement/queries.ts';
import { AMENDMENT_KINDS, ANSWERS } from '../../agreement/tables.ts';
import { registerApiResource } from '../registry.ts';
import { DateSchema, DateTimeSchema, LocalizedTextSchema, Nullable, PagingQuery, StringEnum, isoInstant, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { OrganisationRefSchema, toOrganisationRef } from './shapes.ts';

const SectionSchema = Type.Object({
  key: Type.String(),
  position: Type.Integer(),
  heading: LocalizedTextSchema,
  body: LocalizedTextSchema,
});

const PartySchema = Type.Object({
  organisation: OrganisationRefSchema,
  signingBody: LocalizedTextSchema,
  referredToAs: LocalizedTextSchema,
  signatoryName: Type.String(),
  signatoryTitle: LocalizedTextSchema,
});

const AgreementSchema = Type.Object({
  title: LocalizedTextSchema,
  signedOn: DateSchema,
  signedPlace: Type.String(),
  termYears: Type.Integer({ minimum: 0 }),
  renewalYears: Type.Integer({ minimum: 0 }),
  renewals: Type.Integer({ minimum: 0, description: 'How many renewals have been adopted.' }),
  endOn: DateSchema,
  currentVersion: Type.Integer({ minimum: 1 }),
  currentVersionEffectiveOn: DateSchema,
  parties: Type.Array(PartySchema),
  sections: Type.Array(SectionSchema, { description: 'The sections of the current version.' }),
});

const VersionSummarySchema = Type.Object({
  number: Type.Integer({ minimum: 1 }),
  effectiveOn: DateSchema,
  publishedAt: Nullable(DateTimeSchema),
  amendmentNumber: Nullable(Type.Integer({ minimum: 1, description: 'The adopted amendment that produced this version; null for the signed text.' })),
});

const VersionSchema = Type.Object({ ...VersionSummarySchema.properties, sections: Type.Array(SectionSchema) });

const AMENDMENT_STATES = ['pending', 'adopted'] as const;

const AmendmentSchema = Type.Object({
  number: Type.Integer({ minimum: 1 }),
  kind: StringEnum(AMENDMENT_KINDS),
  state: StringEnum(AMENDMENT_STATES),
  title: LocalizedTextSchema,
  reason: LocalizedTextSchema,
  edits: Type.Array(Type.Object({ key: Type.String({ description: 'The section the new text is for.' }), body: LocalizedTextSchema })),
  baseVersion: Type.Integer({ minimum: 1 }),
  proposedBy: Nullable(OrganisationRefSchema),
  proposedAt: DateTimeSchema,
  adoptedAt: Nullable(DateTimeSchema),
  resultVersion: Nullable(Type.Integer({ minimum: 1 })),
});

const AmendmentDetailSchema = Type.Object({
  ...AmendmentSchema.properties,
  answers: Type.Array(
    Type.Object({ party: OrganisationRefSchema, answer: StringEnum(ANSWERS), answeredAt: DateTimeSchema }),
    { description: 'Each party\'s standing answer.' },
  ),
});

const VersionParams = Type.Object({ ...ProgrammeParams.properties, versionNumber: Type.Integer({ minimum: 1, maximum: 100000 }) });
const AmendmentParams = Type.Object({ ...ProgrammeParams.properties, amendmentNumber: Type.Integer({ minimum: 1, maximum: 100000 }) });

async function loadAgreement(db: Db, request: FastifyRequest) {
  const agreement = await q.getAgreement(db, request.programme!.id);
  if (!agreement) throw notFound();
  return agreement;
}

/** Representatives of a party and the coordinator see pending proposals. */
async function seesPending(db: Db, request: FastifyRequest, agreement: q.Agreement): Promise<boolean> {
  return can(request.actor, 'agreement.viewPending', await q.standingOf(db, agreement, request.actor));
}

const toSection = (s: { key: string; position: number; heading: object; body: object }) => ({
  key: s.key,
  position: s.position,
  heading: localized(s.heading),
  body: localized(s.body),
});

function toAmendment(row: q.Amendment, parties: q.PartyRow[]) {
  const proposer = parties.find((p) => p.party.id === row.proposedByPartyId);
  return {
    number: row.number,
    kind: row.kind,
    state: row.adoptedAt ? ('adopted' as const) : ('pending' as const),
    title: localized(row.title),
    reason: localized(row.reason),
    edits: row.edits.map((e) => ({ key: e.key, body: localized(e.body) })),
    baseVersion: row.baseVersion,
    proposedBy: proposer ? toOrganisationRef(proposer.organisation) : null,
    proposedAt: isoInstant(row.proposedAt)!,
    adoptedAt: isoInstant(row.adoptedAt),
    resultVersion: row.resultVersion,
  };
}

/** The agreement as it stands: term, parties and the sections of the current version (all public). */
export async function toAgreement(db: Db, agreement: q.Agreement) {
  const [parties, current, term] = await Promise.all([q.listParties(db, agreement.id), q.currentVersion(db, agreement), programmeTerm(db, agreement.programmeId)]);
  return {
    title: localized(agreement.title),
    signedOn: agreement.signedOn,
    signedPlace: agreement.signedPlace,
    termYears: agreement.termYears,
    renewalYears: agreement.renewalYears,
    renewals: agreement.renewals,
    endOn: term.endOn,
    currentVersion: current.number,
    currentVersionEffectiveOn: current.effectiveOn,
    parties: parties.map(({ party, organisation }) => ({
      organisation: toOrganisationRef(organisation)!,
      signingBody: localized(party.signingBody),
      referredToAs: localized(party.referredToAs),
      signatoryName: party.signatoryName,
      signatoryTitle: localized(party.signatoryTitle),
    })),
    sections: [...current.sections].sort((a, b) => a.position - b.position).map(toSection),
  };
}

async function versionsOf(db: Db, agreement: q.Agreement) {
  const [versions, amendments] = await Promise.all([q.listVersions(db, agreement.id), q.listAmendments(db, agreement.id, false)]);
  const numberOf = new Map(amendments.map((a) => [a.id, a.number]));
  if (versions.length === 0) return [{ number: 1, effectiveOn: agreement.signedOn, publishedAt: null, amendmentNumber: null }];
  return versions.map((v) => ({
    number: v.number,
    effectiveOn: v.effectiveOn,
    publishedAt: isoInstant(v.publishedAt),
    amendmentNumber: v.amendmentId ? (numberOf.get(v.amendmentId) ?? null) : null,
  }));
}

registerApiResource({
  name: 'agreement',
  order: 70,
  tag: { name: 'Agreement', description: 'The covenant: its parties, its current text, every version and its amendments.' },
  register(api, { db }) {
    const base = '/programmes/:programme/agreement';

    api.get(
      base,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Agreement'],
          operationId: 'getAgreement',
          summary: 'Get the agreement with its parties and current text',
          description: 'The agreement as it stands: term, parties and the sections of the current version.',
          params: ProgrammeParams,
          response: { 200: { ...AgreementSchema, description: 'The agreement.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        return toAgreement(db, await loadAgreement(db, request));
      },
    );

    api.get(
      `${base}/versions`,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Agreement'],
          operationId: 'listAgreementVersions',
          summary: 'List the agreement\'s versions',
          description: 'Every consolidated version, newest first; version 1 is the signed text.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(VersionSummarySchema, 'A page of versions.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const agreement = await loadAgreement(db, request);
        const paging = pagingOf(request.query);
        const all = await versionsOf(db, agreement);
        const path = `/programmes/${request.programme!.slug}/agreement/versions`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.get(
      `${base}/versions/:versionNumber`,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Agreement'],
          operationId: 'getAgreementVersion',
          summary: 'Get one version of the agreement',
          description: 'The whole text of one consolidated version.',
          params: VersionParams,
          response: { 200: { ...VersionSchema, description: 'The version.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const agreement = await loadAgreement(db, request);
        const number = request.params.versionNumber;
        const summary = (await versionsOf(db, agreement)).find((v) => v.number === number);
        if (!summary) throw notFound();
        const row = await q.getVersion(db, agreement.id, number);
        const sections = row ? row.sections : await q.sectionsAsSnapshot(db, agreement.id);
        return { ...summary, sections: [...sections].sort((a, b) => a.position - b.position).map(toSection) };
      },
    );

    api.get(
      `${base}/amendments`,
      {
        config: { action: 'public' },
        schema: {
          tags: ['Agreement'],
          operationId: 'listAmendments',
          summary: 'List the agreement\'s amendments',
          description: 'Adopted amendments, newest first; pending proposals only for the parties\' representatives and the coordinator.',
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery, state: Type.Optional(StringEnum(AMENDMENT_STATES, { description: 'Only amendments in this state.' })) }, { additionalProperties: false }),
          response: { 200: pageOf(AmendmentSchema, 'A page of amendments.'), ...problems(400, 404) },
        },
      },
      async (request) => {
        const agreement = await loadAgreement(db, request);
        const paging = pagingOf(request.query);
        const insider = await seesPending(db, request, agreement);
        const [rows, parties] = await Promise.all([q.listAmendments(db, agreement.id, insider), q.listParties(db, agreement.id)]);
        const all = rows.map((row) => toAmendment(row, parties)).filter((a) => !request.query.state || a.state === request.query.state);
        const path = `/programmes/${request.programme!.slug}/agreement/amendments`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.get(
      `${base}/amendments/:amendmentNumber`,
      {
        config: { action: 'amendment.view' },
        schema: {
          tags: ['Agreement'],
          operationId: 'getAmendment',
          summary: 'Get an amendment with the parties\' answers',
          description: 'One amendment with each party\'s standing answer. A pending proposal is visible only to the parties\' representatives and the coordinator.',
          params: AmendmentParams,
          response: { 200: { ...AmendmentDetailSchema, description: 'The amendment.' }, ...problems(400, 404) },
        },
      },
      async (request) => {
        const agreement = await loadAgreement(db, request);
        const amendment = await q.getAmendment(db, agreement.id, request.params.amendmentNumber);
        if (!amendment) throw notFound();
        if (!can(request.actor, 'amendment.view', { ...(await q.standingOf(db, agreement, request.actor)), adopted: amendment.adoptedAt !== null })) throw notFound();
        const [parties, consents] = await Promise.all([q.listParties(db, agreement.id), q.standingConsents(db, amendment.id)]);
        const answers = consents.flatMap((c) => {
          const party = parties.find((p) => p.party.id === c.partyId);
          return party ? [{ party: toOrganisationRef(party.organisation)!, answer: c.answer, answeredAt: isoInstant(c.answeredAt)! }] : [];
        });
        return { ...toAmendment(amendment, parties), answers };
      },
    );
  },
});
