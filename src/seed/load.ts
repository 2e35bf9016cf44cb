// Loads a programme's default data. Idempotent: a data set that was loaded once is never loaded
// again, so later edits are never overwritten. Runs in one transaction: all or nothing.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import * as t from '../db/schema.ts';
import { recordAudit } from '../db/audit.ts';
import type { ProgrammeSeed } from './types.ts';

export interface SeedContext {
  programmeId: string;
  seed: ProgrammeSeed;
  organisationId(slug: string): string;
  projectId(code: string): string;
}

/**
 * A capability's own default data (e.g. the adopted 2017-2018 annual agenda), loaded in the same
 * transaction right after the core data. Register from `src/features/<name>/seed.ts`, imported in
 * src/seed/extensions.ts.
 */
export type SeedExtension = (tx: Db, context: SeedContext) => Promise<void>;
const extensions: { name: string; run: SeedExtension }[] = [];

export function registerSeedExtension(name: string, run: SeedExtension): void {
  if (!extensions.some((extension) => extension.name === name)) extensions.push({ name, run });
}

export async function loadProgramme(db: Db, seed: ProgrammeSeed): Promise<'loaded' | 'already-loaded'> {
  const runName = `programme:${seed.slug}`;
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(t.seedRuns).values({ name: runName }).onConflictDoNothing().returning();
    if (inserted.length === 0) return 'already-loaded';
    const existing = await tx.select({ id: t.programmes.id }).from(t.programmes).where(eq(t.programmes.slug, seed.slug));
    if (existing.length > 0) return 'already-loaded';

    const [programme] = await tx
      .insert(t.programmes)
      .values({
        slug: seed.slug,
        name: seed.name,
        city: seed.city,
        periodStart: seed.periodStart,
        periodEnd: seed.periodEnd,
        mission: seed.mission,
        themeTokens: seed.themeTokens,
        contactEmail: seed.contactEmail ?? null,
      })
      .returning();
    const programmeId = programme!.id;

    const organisationRows = await tx
      .insert(t.organisations)
      .values(seed.organisations.map((o) => ({ programmeId, slug: o.slug, name: o.name, shortName: o.shortName ?? null, kind: o.kind, website: o.website ?? null })))
      .returning({ id: t.organisations.id, slug: t.organisations.slug });
    const orgId = new Map(organisationRows.map((row) => [row.slug, row.id]));
    const org = (slug: string): string => {
      const id = orgId.get(slug);
      if (!id) throw new Error(`Seed ${seed.slug}: unknown organisation "${slug}"`);
      return id;
    };
    for (const o of seed.organisations) {
      if (o.parent) await tx.update(t.organisations).set({ parentId: org(o.parent) }).where(eq(t.organisations.id, org(o.slug)));
    }

    const [agreement] = await tx
      .insert(t.agreements)
      .values({
        programmeId,
        title: seed.agreement.title,
        signedOn: seed.agreement.signedOn,
        signedPlace: seed.agreement.signedPlace,
        termYears: seed.agreement.termYears,
        renewalYears: seed.agreement.renewalYears,
      })
      .returning();
    await tx.insert(t.agreementParties).values(
      seed.agreement.parties.map((p, position) => ({
        programmeId,
        agreementId: agreement!.id,
        organisationId: org(p.organisation),
        signingBody: p.signingBody,
        referredToAs: p.referredToAs,
        signatoryName: p.signatoryName,
        signatoryTitle: p.signatoryTitle,
        position,
      })),
    );
    await tx.insert(t.agreementSections).values(
      seed.agreement.sections.map((s, position) => ({ programmeId, agreementId: agreement!.id, key: s.key, position, heading: s.heading, body: s.body })),
    );

    // A programme file may have no bodies, criteria, themes or projects yet (a new programme from the
    // interface starts without projects): insert only what is there.
    if (seed.bodies.length > 0) await tx.insert(t.bodies).values(
      seed.bodies.map((b) => ({
        programmeId,
        kind: b.kind,
        name: b.name,
        tasks: b.tasks,
        appointment: b.appointment ?? [],
        minMeetingsPerYear: b.minMeetingsPerYear ?? null,
        maxMeetingsPerYear: b.maxMeetingsPerYear ?? null,
      })),
    );
    if (seed.criteria.length > 0) await tx.insert(t.criteria).values(seed.criteria.map((c) => ({ programmeId, letter: c.letter, text: c.text, assessment: c.assessment, check: c.check ?? null })));

    const themeRows = seed.themes.length === 0 ? [] : await tx
      .insert(t.themes)
      .values(seed.themes.map((theme, position) => ({ programmeId, code: theme.code, position, title: theme.title, goal: theme.goal, description: theme.description })))
      .returning({ id: t.themes.id, code: t.themes.code });
    const themeId = new Map(themeRows.map((row) => [row.code, row.id]));

    const projectRows = seed.projects.length === 0 ? [] : await tx
      .insert(t.projects)
      .values(
        seed.projects.map((p, position) => ({
          programmeId,
          themeId: p.theme ? (themeId.get(p.theme) ?? null) : null,
          code: p.code,
          position,
          title: p.title,
          goal: p.goal ?? {},
          description: p.description ?? {},
          status: p.status,
          lifecycle: p.lifecycle,
          leadOrganisationId: p.lead ? org(p.lead) : null,
          leadNote: p.leadNote ?? {},
        })),
      )
      .returning({ id: t.projects.id, code: t.projects.code });
    const projectId = new Map(projectRows.map((row) => [row.code, row.id]));

    const partnerValues = seed.projects.flatMap((p) =>
      p.partners.map((partner, position) => ({
        programmeId,
        projectId: projectId.get(p.code)!,
        organisationId: org(partner.organisation),
        role: partner.role,
        position,
        note: partner.note ?? {},
        declaredInterest: partner.declaredInterest ?? partner.role !== 'intended_partner',
      })),
    );
    if (partnerValues.length > 0) await tx.insert(t.projectPartners).values(partnerValues);

    const actionValues = seed.projects.flatMap((p) =>
      p.actions.map((a, position) => ({
        programmeId,
        projectId: projectId.get(p.code)!,
        position,
        description: a.description,
        ownerOrganisationId: a.owner ? org(a.owner) : null,
        dueOn: a.dueOn ?? null,
        dueLabel: a.dueLabel ?? {},
        state: a.state ?? 'open',
      })),
    );
    if (actionValues.length > 0) await tx.insert(t.actions).values(actionValues);

    if (seed.targets.length > 0) {
      await tx.insert(t.targets).values(
        seed.targets.map((target) => ({
          programmeId,
          projectId: projectId.get(target.project) ?? null,
          key: target.key,
          title: target.title,
          targetValue: target.targetValue ?? null,
          unit: target.unit ?? {},
          baselineValue: target.baselineValue ?? null,
          deadlineOn: target.deadlineOn ?? null,
          deadlineLabel: target.deadlineLabel ?? {},
          source: target.source,
        })),
      );
    }
    const context: SeedContext = {
      programmeId,
      seed,
      organisationId: org,
      projectId: (code) => {
        const id = projectId.get(code);
        if (!id) throw new Error(`Seed ${seed.slug}: unknown project "${code}"`);
        return id;
      },
    };
    for (const extension of extensions) await extension.run(tx, context);
    await recordAudit(tx, { actor: null, programmeId, action: 'seed.load', objectType: 'programme', objectId: programmeId, after: { seed: runName } });
    return 'loaded';
  });
}
