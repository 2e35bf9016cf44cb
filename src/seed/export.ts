// A programme as it stands in the database, in the shape a programme file carries
// (./programme-file.ts): what `programme export` writes and `programme import` reads back. The
// agreement's text is the consolidated one (amendments merged); texts left empty are left out.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import type { LocalizedText } from '../domain/localized.ts';
import type { ProgrammeSeed } from './types.ts';

const filled = (text: LocalizedText | null | undefined): LocalizedText | undefined => (text && Object.values(text).some((value) => value && value.trim() !== '') ? text : undefined);
/** Leaves out the keys whose value is undefined (the file has no nulls or empty texts). */
const compact = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export async function exportProgramme(db: Db, slug: string): Promise<ProgrammeSeed | null> {
  const [programme] = await db.select().from(t.programmes).where(eq(t.programmes.slug, slug));
  if (!programme) return null;
  const programmeId = programme.id;
  const [organisations, [agreement], bodies, criteria, themes, projects, partners, actions, targets] = await Promise.all([
    db.select().from(t.organisations).where(eq(t.organisations.programmeId, programmeId)).orderBy(asc(t.organisations.createdAt), asc(t.organisations.slug)),
    db.select().from(t.agreements).where(eq(t.agreements.programmeId, programmeId)),
    db.select().from(t.bodies).where(eq(t.bodies.programmeId, programmeId)).orderBy(asc(t.bodies.kind)),
    db.select().from(t.criteria).where(eq(t.criteria.programmeId, programmeId)).orderBy(asc(t.criteria.letter)),
    db.select().from(t.themes).where(eq(t.themes.programmeId, programmeId)).orderBy(asc(t.themes.position)),
    db.select().from(t.projects).where(eq(t.projects.programmeId, programmeId)).orderBy(asc(t.projects.position), asc(t.projects.code)),
    db.select().from(t.projectPartners).where(eq(t.projectPartners.programmeId, programmeId)).orderBy(asc(t.projectPartners.position)),
    db.select().from(t.actions).where(eq(t.actions.programmeId, programmeId)).orderBy(asc(t.actions.position), asc(t.actions.createdAt)),
    db.select().from(t.targets).where(eq(t.targets.programmeId, programmeId)).orderBy(asc(t.targets.createdAt), asc(t.targets.key)),
  ]);
  if (!agreement) throw new Error(`programme ${slug} has no agreement`);
  const [parties, sections] = await Promise.all([
    db.select().from(t.agreementParties).where(eq(t.agreementParties.agreementId, agreement.id)).orderBy(asc(t.agreementParties.position)),
    db.select().from(t.agreementSections).where(eq(t.agreementSections.agreementId, agreement.id)).orderBy(asc(t.agreementSections.position)),
  ]);
  const organisationSlug = new Map(organisations.map((o) => [o.id, o.slug]));
  const slugOf = (id: string | null) => (id ? organisationSlug.get(id) : undefined);
  const themeCode = new Map(themes.map((theme) => [theme.id, theme.code]));
  const projectCode = new Map(projects.map((project) => [project.id, project.code]));

  return {
    slug: programme.slug,
    name: programme.name,
    city: programme.city,
    periodStart: programme.periodStart,
    periodEnd: programme.periodEnd,
    mission: programme.mission,
    themeTokens: programme.themeTokens,
    ...compact({ contactEmail: programme.contactEmail ?? undefined }),
    organisations: organisations.map((o) => compact({ slug: o.slug, name: o.name, shortName: o.shortName ?? undefined, kind: o.kind, parent: slugOf(o.parentId), website: o.website ?? undefined })),
    agreement: {
      title: agreement.title,
      signedOn: agreement.signedOn,
      signedPlace: agreement.signedPlace,
      termYears: agreement.termYears,
      renewalYears: agreement.renewalYears,
      parties: parties.map((p) => ({ organisation: slugOf(p.organisationId)!, signingBody: p.signingBody, referredToAs: p.referredToAs, signatoryName: p.signatoryName, signatoryTitle: p.signatoryTitle })),
      sections: sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body })),
    },
    bodies: bodies.map((b) =>
      compact({
        kind: b.kind,
        name: b.name,
        tasks: b.tasks,
        appointment: b.appointment.length > 0 ? b.appointment : undefined,
        minMeetingsPerYear: b.minMeetingsPerYear ?? undefined,
        maxMeetingsPerYear: b.maxMeetingsPerYear ?? undefined,
      }),
    ),
    criteria: criteria.map((c) => ({ letter: c.letter as 'a' | 'b' | 'c' | 'd' | 'e' | 'f', text: c.text, assessment: c.assessment, ...(c.check ? { check: c.check } : {}) })),
    themes: themes.map((theme) => ({ code: theme.code, title: theme.title, goal: theme.goal, description: theme.description })),
    projects: projects.map((project) =>
      compact({
        code: project.code,
        theme: project.themeId ? themeCode.get(project.themeId) : undefined,
        title: project.title,
        goal: filled(project.goal),
        description: filled(project.description),
        status: project.status,
        lifecycle: project.lifecycle,
        lead: slugOf(project.leadOrganisationId),
        leadNote: filled(project.leadNote),
        partners: partners
          .filter((p) => p.projectId === project.id)
          .map((p) => compact({ organisation: slugOf(p.organisationId)!, role: p.role, note: filled(p.note), declaredInterest: p.declaredInterest })),
        actions: actions
          .filter((a) => a.projectId === project.id)
          .map((a) => compact({ description: a.description, owner: slugOf(a.ownerOrganisationId), dueOn: a.dueOn ?? undefined, dueLabel: filled(a.dueLabel), state: a.state === 'open' ? undefined : a.state })),
      }),
    ),
    targets: targets
      .filter((target) => target.projectId && projectCode.has(target.projectId))
      .map((target) =>
        compact({
          key: target.key,
          project: projectCode.get(target.projectId!)!,
          title: target.title,
          targetValue: target.targetValue ?? undefined,
          unit: filled(target.unit),
          baselineValue: target.baselineValue ?? undefined,
          deadlineOn: target.deadlineOn ?? undefined,
          deadlineLabel: filled(target.deadlineLabel),
          source: target.source,
        }),
      ),
  };
}
