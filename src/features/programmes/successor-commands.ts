// Starting a successor programme: one transaction copies what carries over from the predecessor
// (src/domain/successor.ts says what may) into a new programme and links the two, with one audit
// row. Every copied row gets a new id; references inside the copy point to the copies.
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../db/audit.ts';
import type { Db } from '../../db/client.ts';
import {
  actions,
  agreementParties,
  agreements,
  bodies,
  criteria,
  organisations,
  people,
  programmes,
  projectPartners,
  projects,
  roleAssignments,
  themes,
} from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { today } from '../../clock.ts';
import { programmeStage } from '../../domain/lifecycle.ts';
import type { LocalizedText } from '../../domain/localized.ts';
import { done, FORM_ERROR, refused, type FieldErrors, type Outcome } from '../../domain/outcome.ts';
import type { Actor } from '../../domain/policy.ts';
import { carriedRole, isOpenAction, mayCarryProject, RESERVED_SLUGS, successorBlock, validProgrammeSlug, validSuccessorStart } from '../../domain/successor.ts';
import { authorize } from '../../policies.ts';
import { forgetProgrammes } from '../../web/request-context.ts';
import { agreementRepresentatives } from '../agreement/tables.ts';
import { programmeTerm } from '../agreement/term-queries.ts';
import { ACTION_STATES } from '../../db/schema.ts';

export interface SuccessorInput {
  name: LocalizedText;
  slug: string;
  startOn: string;
  termYears: number;
  projectIds: string[];
}

/** Maps a predecessor's ids to their copies; a reference to something not copied becomes null. */
function mapper(map: Map<string, string>) {
  return (id: string | null | undefined): string | null => (id ? (map.get(id) ?? null) : null);
}

/** Starts the successor of `predecessorId`; answers its address, or the problems per field. */
export async function startSuccessor({ actor, db, predecessorId, input }: { actor: Actor; db: Db; predecessorId: string; input: SuccessorInput }): Promise<Outcome<{ id: string; slug: string }>> {
  authorize(actor, 'programme.startSuccessor');
  const outcome = await writeTransaction(db, async (tx) => {
    const [predecessor] = await tx.select().from(programmes).where(eq(programmes.id, predecessorId)).for('update');
    if (!predecessor) return refused({ [FORM_ERROR]: { key: 'error.notFound' } });
    const check = await checkSuccessor(tx, predecessorId, input);
    if (!check.ok) return check;
    const chosen = check.value;

    const [programme] = await tx
      .insert(programmes)
      .values({
        slug: input.slug,
        name: input.name,
        city: predecessor.city,
        periodStart: input.startOn,
        periodEnd: input.startOn,
        mission: predecessor.mission,
        themeTokens: predecessor.themeTokens,
        hoursPerFte: predecessor.hoursPerFte,
        contactEmail: predecessor.contactEmail,
        openDataLicence: predecessor.openDataLicence,
        minutesApprovedAtNextMeeting: predecessor.minutesApprovedAtNextMeeting,
        fundAwardDecision: predecessor.fundAwardDecision,
        predecessorId,
      })
      .returning({ id: programmes.id, slug: programmes.slug });
    const programmeId = programme!.id;

    // Every organisation: the parties, their units and the partners of the carried projects.
    const oldOrganisations = await tx.select().from(organisations).where(eq(organisations.programmeId, predecessorId));
    const organisationIds = new Map<string, string>();
    if (oldOrganisations.length > 0) {
      const copies = await tx
        .insert(organisations)
        .values(oldOrganisations.map(({ id: _id, createdAt: _c, version: _v, parentId: _p, ...rest }) => ({ ...rest, programmeId })))
        .returning({ id: organisations.id, slug: organisations.slug });
      const bySlug = new Map(copies.map((copy) => [copy.slug, copy.id]));
      for (const old of oldOrganisations) organisationIds.set(old.id, bySlug.get(old.slug)!);
      for (const old of oldOrganisations.filter((o) => o.parentId && organisationIds.has(o.parentId))) {
        await tx.update(organisations).set({ parentId: organisationIds.get(old.parentId!)! }).where(eq(organisations.id, organisationIds.get(old.id)!));
      }
    }
    const organisation = mapper(organisationIds);

    // The parties with their signatories and representatives, under a new agreement for the new term.
    const [oldAgreement] = await tx.select().from(agreements).where(eq(agreements.programmeId, predecessorId)).orderBy(agreements.createdAt).limit(1);
    const [agreement] = await tx
      .insert(agreements)
      .values({
        programmeId,
        title: input.name,
        signedOn: input.startOn,
        signedPlace: oldAgreement?.signedPlace ?? predecessor.city,
        termYears: input.termYears,
        renewalYears: oldAgreement?.renewalYears ?? 5,
      })
      .returning({ id: agreements.id });
    let parties = 0;
    let representatives = 0;
    if (oldAgreement) {
      const oldParties = await tx.select().from(agreementParties).where(eq(agreementParties.agreementId, oldAgreement.id));
      const partyIds = new Map<string, string>();
      for (const party of oldParties) {
        const [copy] = await tx
          .insert(agreementParties)
          .values({ ...party, id: undefined, programmeId, agreementId: agreement!.id, organisationId: organisation(party.organisationId)! })
          .returning({ id: agreementParties.id });
        partyIds.set(party.id, copy!.id);
      }
      parties = partyIds.size;
      const oldRepresentatives = await tx.select().from(agreementRepresentatives).where(eq(agreementRepresentatives.programmeId, predecessorId));
      const carried = oldRepresentatives.filter((rep) => partyIds.has(rep.partyId));
      if (carried.length > 0) {
        await tx.insert(agreementRepresentatives).values(carried.map((rep) => ({ programmeId, partyId: partyIds.get(rep.partyId)!, userId: rep.userId })));
      }
      representatives = carried.length;
    }

    const oldThemes = await tx.select().from(themes).where(eq(themes.programmeId, predecessorId));
    const themeIds = new Map<string, string>();
    if (oldThemes.length > 0) {
      const copies = await tx.insert(themes).values(oldThemes.map(({ id: _id, ...rest }) => ({ ...rest, programmeId }))).returning({ id: themes.id, code: themes.code });
      const byCode = new Map(copies.map((copy) => [copy.code, copy.id]));
      for (const old of oldThemes) themeIds.set(old.id, byCode.get(old.code)!);
    }
    const oldCriteria = await tx.select().from(criteria).where(eq(criteria.programmeId, predecessorId));
    if (oldCriteria.length > 0) await tx.insert(criteria).values(oldCriteria.map(({ id: _id, ...rest }) => ({ ...rest, programmeId })));
    const oldBodies = await tx.select().from(bodies).where(eq(bodies.programmeId, predecessorId));
    if (oldBodies.length > 0) await tx.insert(bodies).values(oldBodies.map(({ id: _id, ...rest }) => ({ ...rest, programmeId })));

    // The carried projects, each linked to the one it carries on, with partners and open actions.
    const openStates = ACTION_STATES.filter(isOpenAction);
    const chosenIds = chosen.map((project) => project.id);
    const oldActions = chosenIds.length === 0 ? [] : await tx.select().from(actions).where(and(inArray(actions.projectId, chosenIds), inArray(actions.state, openStates)));
    // The contact persons and action owners come along as people of the new programme.
    const personIdsNeeded = [...new Set([...chosen.map((p) => p.contactPersonId), ...oldActions.map((a) => a.ownerPersonId)].filter((id): id is string => !!id))];
    const personIds = new Map<string, string>();
    for (const person of personIdsNeeded.length === 0 ? [] : await tx.select().from(people).where(inArray(people.id, personIdsNeeded))) {
      const [copy] = await tx
        .insert(people)
        .values({ ...person, id: undefined, createdAt: undefined, programmeId, organisationId: organisation(person.organisationId) })
        .returning({ id: people.id });
      personIds.set(person.id, copy!.id);
    }
    const person = mapper(personIds);
    const projectIds = new Map<string, string>();
    for (const project of chosen) {
      const [copy] = await tx
        .insert(projects)
        .values({
          ...project,
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
          version: 1,
          programmeId,
          themeId: mapper(themeIds)(project.themeId),
          leadOrganisationId: organisation(project.leadOrganisationId),
          contactPersonId: person(project.contactPersonId),
          predecessorProjectId: project.id,
        })
        .returning({ id: projects.id });
      projectIds.set(project.id, copy!.id);
    }
    const oldPartners = chosenIds.length === 0 ? [] : await tx.select().from(projectPartners).where(inArray(projectPartners.projectId, chosenIds));
    if (oldPartners.length > 0) {
      await tx.insert(projectPartners).values(
        oldPartners.map(({ id: _id, version: _v, ...rest }) => ({ ...rest, programmeId, projectId: projectIds.get(rest.projectId)!, organisationId: organisation(rest.organisationId)! })),
      );
    }
    if (oldActions.length > 0) {
      await tx.insert(actions).values(
        oldActions.map(({ id: _id, createdAt: _c, updatedAt: _u, version: _v, ...rest }) => ({
          ...rest,
          programmeId,
          projectId: projectIds.get(rest.projectId)!,
          ownerOrganisationId: organisation(rest.ownerOrganisationId),
          ownerPersonId: person(rest.ownerPersonId),
        })),
      );
    }

    const oldRoles = await tx
      .select({ role: roleAssignments.role, userId: roleAssignments.userId, projectId: roleAssignments.projectId, organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(eq(roleAssignments.programmeId, predecessorId));
    const carriedProjects = new Set(chosenIds);
    const roles = oldRoles.filter((role) => carriedRole(role, actor.userId, carriedProjects));
    if (roles.length > 0) {
      await tx.insert(roleAssignments).values(
        roles.map((role) => ({ programmeId, userId: role.userId, role: role.role, projectId: role.projectId ? projectIds.get(role.projectId)! : null, organisationId: organisation(role.organisationId) })),
      );
    }

    await recordAudit(tx, {
      actor,
      programmeId: predecessorId,
      action: 'programme.startSuccessor',
      objectType: 'programme',
      objectId: programmeId,
      after: {
        slug: input.slug,
        name: input.name,
        startOn: input.startOn,
        termYears: input.termYears,
        projects: chosen.map((p) => p.code),
        organisations: organisationIds.size,
        parties,
        representatives,
        themes: themeIds.size,
        criteria: oldCriteria.length,
        bodies: oldBodies.length,
        actions: oldActions.length,
        roles: roles.length,
      },
    });
    return done({ id: programmeId, slug: programme!.slug });
  });
  // The predecessor's pages name their successor from now on.
  if (outcome.ok) forgetProgrammes(db);
  return outcome;
}

/**
 * The problems with starting this successor, or the projects it carries: the same check before the
 * confirmation page (nothing written) and inside the command's transaction.
 */
export async function checkSuccessor(db: Db, predecessorId: string, input: SuccessorInput): Promise<Outcome<(typeof projects.$inferSelect)[]>> {
  const term = await programmeTerm(db, predecessorId);
  const [existing] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.predecessorId, predecessorId));
  const block = successorBlock(programmeStage(term, today()), !!existing);
  if (block) return refused({ [FORM_ERROR]: { key: `successor.error.${block}` } });
  const errors: FieldErrors = {};
  if (!validProgrammeSlug(input.slug)) errors.slug = { key: 'successor.error.slug' };
  else if (RESERVED_SLUGS.includes(input.slug) || (await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.slug, input.slug))).length > 0) {
    errors.slug = { key: 'successor.error.slugTaken' };
  }
  if (!validSuccessorStart(input.startOn, term.startOn)) errors.startOn = { key: 'successor.error.startBefore', values: { date: term.startOn } };
  const chosen = input.projectIds.length === 0 ? [] : await db.select().from(projects).where(and(eq(projects.programmeId, predecessorId), inArray(projects.id, input.projectIds)));
  if (chosen.length !== new Set(input.projectIds).size || chosen.some((project) => !mayCarryProject(project.lifecycle))) errors.projectIds = { key: 'form.error.choice' };
  if (Object.keys(errors).length > 0) return refused(errors);
  return done(chosen.sort((a, b) => a.position - b.position || a.code.localeCompare(b.code)));
}

/** Whether a programme already has its successor (null when not), for the page that starts one. */
export async function successorOf(db: Db, programmeId: string): Promise<{ slug: string; name: LocalizedText } | null> {
  const [row] = await db.select({ slug: programmes.slug, name: programmes.name }).from(programmes).where(eq(programmes.predecessorId, programmeId));
  return row ?? null;
}
