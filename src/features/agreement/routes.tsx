// The agreement's pages: public text, versions and adopted amendments; proposals, answers and
// adoption for the parties' representatives; representatives managed by the coordinator.
import { today } from '../../clock.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { endDateAfterRenewal, termWarning } from '../../domain/term.ts';
import { programmeTerm } from './term-queries.ts';
import { Alert, Heading, Link } from '../../web/components.tsx';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { formatDate } from '../../web/i18n.ts';
import { formState, isUuid, readForm, type FormState } from '../../web/forms.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { authorize, can } from '../../policies.ts';
import { AmendmentPage, ProposalSummary, ProposePage } from './amendment-views.tsx';
import { crumbs, partyName } from './views.tsx';
import { addRepresentative, adoptAmendment, answerAmendment, applyEdits, isStateConflict, proposalHeadingErrors, proposeAmendment, removeRepresentative, withdrawAnswer } from './commands.ts';
import './messages.ts';
import * as q from './queries.ts';
import { representativeForm, RepresentativesPage } from './representative-views.tsx';
import { AnswerInput, ProposalStart, proposalForm, proposalOf, RepresentativeInput, sectionField, WithdrawInput } from './schema.ts';
import { changedSections, proposedEdits } from './diff.ts';
import { askToConfirm, isConfirmed } from '../../web/confirm.tsx';
import { resolveText } from '../../domain/localized.ts';
import type { FieldErrors } from '../../domain/outcome.ts';
import { amendmentDocument, versionDocument } from './documents.ts';
import { documentContext, documentFormat, sendDocument } from '../../documents/http.ts';
import { AgreementPage, ComparePage, VersionPage } from './views.tsx';
import type { Outcome } from '../../domain/outcome.ts';

type P = { programme: string };
type Form = Record<string, unknown>;

function positiveInt(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9][0-9]{0,8}$/.test(value) ? Number(value) : null;
}

async function loadAgreement(db: Db, request: FastifyRequest) {
  const agreement = await q.getAgreement(db, request.programme!.id);
  if (!agreement) throw notFound();
  return agreement;
}

async function versionsWithAmendments(db: Db, agreementId: string) {
  const [versions, amendments] = await Promise.all([q.listVersions(db, agreementId), q.listAmendments(db, agreementId, false)]);
  const byId = new Map(amendments.map((a) => [a.id, a.number]));
  return versions.map((v) => ({ number: v.number, effectiveOn: v.effectiveOn, amendmentNumber: v.amendmentId ? (byId.get(v.amendmentId) ?? null) : null }));
}

export function registerAgreementRoutes(app: FastifyInstance, db: Db, config: Config): void {
  registerNavItem({ label: 'nav.agreement', path: '/agreement', order: 60 });
  registerNavItem({ label: 'agreement.representatives', path: '/agreement/representatives', order: 93, group: 'management' });
  registerDashboardPanel({
    key: 'agreement-term',
    shows: 'live',
    order: 20,
    render: async ({ db, ctx, programmeId }) => {
      const agreement = await q.getAgreement(db, programmeId);
      if (!agreement) return null;
      const term = await programmeTerm(db, programmeId);
      const warning = termWarning(agreement, today());
      const pending = (await q.listAmendments(db, agreement.id, true)).filter((a) => !a.adoptedAt).length;
      return (
        <section aria-labelledby="dashboard-agreement">
          <Heading level={2} id="dashboard-agreement">
            {ctx.t('agreement.dashboard.title')}
          </Heading>
          {warning === 'none' ? (
            <p class="utrecht-paragraph" id="dashboard-term-end">{ctx.t('agreement.dashboard.runsUntil', { end: formatDate(ctx.locale, term.endOn) })}</p>
          ) : (
            <Alert kind={warning === 'six-months' ? 'info' : 'warning'}>{ctx.t(`agreement.dashboard.${warning}`, { end: formatDate(ctx.locale, term.endOn) })}</Alert>
          )}
          {pending > 0 && <p class="utrecht-paragraph">{ctx.t('agreement.dashboard.pending', { count: pending })}</p>}
          <p class="utrecht-paragraph">
            <Link ctx={ctx} to={`/${ctx.programme!.slug}/agreement`}>
              {ctx.t('agreement.title')}
            </Link>
          </p>
        </section>
      );
    },
  });

  for (const { url } of localizedPaths('/:programme/agreement')) {
    app.get<{ Params: P }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const standing = await q.standingOf(db, agreement, request.actor);
      const insider = can(request.actor, 'agreement.viewPending', standing);
      const [term, parties, current, versions, amendments] = await Promise.all([
        programmeTerm(db, agreement.programmeId),
        q.listParties(db, agreement.id),
        q.currentVersion(db, agreement),
        versionsWithAmendments(db, agreement.id),
        q.listAmendments(db, agreement.id, insider),
      ]);
      const page = (
        <AgreementPage
          ctx={pageContext(request, config)}
          agreement={agreement}
          endOn={term.endOn}
          parties={parties}
          current={current}
          versions={versions.length > 0 ? versions : [{ number: 1, effectiveOn: agreement.signedOn, amendmentNumber: null }]}
          adopted={amendments.filter((a) => a.adoptedAt)}
          pending={insider ? amendments.filter((a) => !a.adoptedAt) : null}
          canPropose={can(request.actor, 'amendment.propose', standing)}
        />
      );
      return sendHtml(reply, renderPage(page));
    });
  }

  for (const { url } of localizedPaths('/:programme/agreement/versions/:number')) {
    app.get<{ Params: P & { number: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const number = positiveInt(request.params.number);
      const version = number ? await q.getVersion(db, agreement.id, number) : null;
      if (!version) throw notFound();
      const versions = (await q.listVersions(db, agreement.id)).map((v) => v.number);
      return sendHtml(reply, renderPage(<VersionPage ctx={pageContext(request, config)} version={version} versions={versions} />));
    });
  }

  for (const { url } of localizedPaths('/:programme/agreement/compare')) {
    app.get<{ Params: P; Querystring: { from?: string; to?: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const from = positiveInt(request.query.from);
      const to = positiveInt(request.query.to);
      if (!from || !to) throw new HttpError(400, 'error.badRequest');
      const [a, b] = await Promise.all([q.getVersion(db, agreement.id, from), q.getVersion(db, agreement.id, to)]);
      if (!a || !b) throw notFound();
      const versions = (await q.listVersions(db, agreement.id)).map((v) => v.number);
      return sendHtml(reply, renderPage(<ComparePage ctx={pageContext(request, config)} from={a} to={b} versions={versions} />));
    });
  }

  // --- proposals ---------------------------------------------------------------------------
  // A proposal is made in steps, each a post of everything typed so far to /amendments: `step`
  // names the button pressed (choose → edit → check), and the check step is the shared
  // confirmation page; only its confirmation (`confirmed=yes`, no step) stores the proposal.
  type ProposeRequest = FastifyRequest<{ Params: P; Body?: Form }>;

  /** The proposal's context for a representative; 404 for everyone else (it does not exist for them). */
  async function proposing(request: FastifyRequest) {
    const agreement = await loadAgreement(db, request);
    const standing = await q.standingOf(db, agreement, request.actor);
    if (!request.actor || !can(request.actor, 'amendment.propose', standing)) throw notFound();
    const [parties, current] = await Promise.all([q.listParties(db, agreement.id), q.currentVersion(db, agreement)]);
    return { agreement, standing, parties, current, actor: request.actor };
  }

  async function renderPropose(request: ProposeRequest, reply: FastifyReply, kind: 'text' | 'renewal', step: 'choose' | 'edit', form?: FormState, status = 200) {
    const { agreement, standing, parties, current } = await proposing(request);
    const term = await programmeTerm(db, agreement.programmeId);
    const chosen = chosenArticles(form?.values);
    const page = (
      <ProposePage
        ctx={pageContext(request, config)}
        kind={kind}
        step={step}
        chosen={chosen}
        parties={parties}
        represented={standing.representedPartyIds}
        sections={current.sections}
        stale={current.staleTranslations}
        endOn={term.endOn}
        nextEndOn={endDateAfterRenewal(agreement)}
        ended={today() > term.endOn}
        form={form}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  const chosenArticles = (values: Form | undefined): string[] => {
    const raw = values?.articles;
    return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  };
  const kindOf = (body: Form | undefined) => (body?.kind === 'renewal' ? 'renewal' : 'text');

  for (const { url } of localizedPaths('/:programme/agreement/amendments/new')) {
    app.get<{ Params: P; Querystring: { kind?: string } }>(url, { config: { action: 'amendment.propose' } }, async (request, reply) =>
      renderPropose(request, reply, request.query.kind === 'renewal' ? 'renewal' : 'text', 'choose'),
    );
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments')) {
    app.post<{ Params: P; Body: Form }>(url, { config: { action: 'amendment.propose' } }, async (request, reply) => {
      const { agreement, standing, parties, current, actor } = await proposing(request);
      const body = request.body ?? {};
      const kind = kindOf(body);
      const keys = current.sections.map((s) => s.key);
      const typed = (errors: FieldErrors = {}) => formState('proposal', errors, body);
      const step = body.step;
      if (step === 'choose') return renderPropose(request, reply, kind, 'choose', typed());

      // The first step's answers, checked whenever the proposal moves on.
      const start = readForm(ProposalStart, body, request.locale);
      const startErrors: FieldErrors = start.ok ? proposalHeadingErrors(start.value) : start.errors;
      // A party the actor does not represent (not offered on the form) is refused outright, as the command does.
      if (start.ok) authorize(actor, 'amendment.propose', { ...standing, partyId: start.value.party });
      const articles = chosenArticles(body).filter((key) => keys.includes(key));
      if (kind === 'text' && step === 'edit' && articles.length === 0) startErrors.articles = { key: 'amendment.error.noArticles' };
      if (Object.keys(startErrors).length > 0) return renderPropose(request, reply, kind, 'choose', typed(startErrors), 400);
      if (step === 'edit' && kind === 'text') return renderPropose(request, reply, kind, 'edit', typed());

      const read = readForm(proposalForm(keys), body, request.locale);
      if (!read.ok) return renderPropose(request, reply, kind, kind === 'text' ? 'edit' : 'choose', typed(read.errors), 400);
      const proposal = proposalOf(read.value, keys);
      if (!isConfirmed(body)) {
        // The check step: what the proposal changes, word by word, and what submitting it does.
        const edits = kind === 'text' ? proposedEdits(current.sections, proposal.sections) : [];
        if (kind === 'text' && edits.length === 0) {
          const first = articles[0] ?? keys[0] ?? '';
          return renderPropose(request, reply, kind, 'edit', typed({ [`${sectionField(first)}_nl`]: { key: 'amendment.error.noChanges' } }), 400);
        }
        const ctx = pageContext(request, config);
        const partyLabel = partyName(parties, proposal.party, ctx.locale);
        const changes = changedSections(current.sections, applyEdits(current.sections, edits));
        const { step: _pressed, ...values } = body;
        return askToConfirm(request, reply, config, {
          title: ctx.t('amendment.check.title', { title: resolveText(proposal.title, ctx.locale).text }),
          summary: <ProposalSummary ctx={ctx} parties={parties} party={proposal.party} title={proposal.title} reason={proposal.reason} changes={changes} />,
          consequences: [
            ctx.t('amendment.check.submitted', { party: partyLabel }),
            kind === 'renewal' ? ctx.t('amendment.check.renewal', { next: formatDate(ctx.locale, endDateAfterRenewal(agreement)) }) : ctx.t('amendment.check.articles', { count: edits.length }),
            ctx.t('amendment.check.consent', { count: parties.length }),
          ],
          action: `/${locale}/${request.programme!.slug}/agreement/amendments`,
          values,
          confirmLabel: ctx.t('amendment.submit'),
          back: kind === 'text' ? { name: 'step', value: 'edit', label: ctx.t('amendment.back.edit') } : { name: 'step', value: 'choose', label: ctx.t('amendment.back.choose') },
          cancelHref: `/${locale}/${request.programme!.slug}/agreement`,
          crumbs: crumbs(ctx, ctx.t('amendment.step.check')),
        });
      }
      const result = await proposeAmendment({ db, actor, agreement, proposal });
      if (!result.ok) return renderPropose(request, reply, kind, kind === 'text' ? 'edit' : 'choose', typed(result.errors), 400);
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/amendments/${result.value.number}`);
    });
  }

  // --- one amendment -----------------------------------------------------------------------
  const amendmentNumber = (request: FastifyRequest<{ Params: P & { number: string } }>) => positiveInt(request.params.number);

  /** The amendment's page, or 404 for someone it does not exist for (a pending one outside the parties). */
  async function renderAmendment(request: FastifyRequest<{ Params: P & { number: string } }>, reply: FastifyReply, form?: FormState, status = 200) {
    const agreement = await loadAgreement(db, request);
    const number = amendmentNumber(request);
    const amendment = number ? await q.getAmendment(db, agreement.id, number) : null;
    if (!amendment) throw notFound();
    const standing = await q.standingOf(db, agreement, request.actor);
    if (!can(request.actor, 'amendment.view', { ...standing, adopted: amendment.adoptedAt !== null })) throw notFound();
    const [parties, consents, baseVersion, representativeChanges] = await Promise.all([
      q.listParties(db, agreement.id),
      q.listConsents(db, [amendment.id]),
      q.getVersion(db, agreement.id, amendment.baseVersion),
      q.representativeChanges(db, agreement.programmeId, amendment.proposedAt, amendment.adoptedAt),
    ]);
    const outcome = q.outcomeOf(
      parties.map((p) => p.party.id),
      consents,
    );
    const baseSections = baseVersion?.sections ?? (await q.sectionsAsSnapshot(db, agreement.id));
    const page = (
      <AmendmentPage
        ctx={pageContext(request, config)}
        amendment={amendment}
        parties={parties}
        consents={consents}
        outcome={outcome}
        baseSections={baseSections}
        renewalEnd={amendment.kind === 'renewal' ? (amendment.adoptedAt ? null : endDateAfterRenewal(agreement)) : null}
        represented={standing.representedPartyIds}
        representativeChanges={representativeChanges}
        canAdopt={!amendment.adoptedAt && outcome.state === 'unanimous' && can(request.actor, 'amendment.adopt', standing)}
        form={form}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  for (const { url } of localizedPaths('/:programme/agreement/amendments/:number')) {
    app.get<{ Params: P & { number: string } }>(url, { config: { action: 'amendment.view' } }, async (request, reply) => renderAmendment(request, reply));
  }

  type AmendmentRequest = FastifyRequest<{ Params: P & { number: string }; Body: Form }>;
  /**
   * Answers a step on one amendment: done → back to its page; refused → the page again with the
   * form's problems (409 when the proposal's state forbids the step, 400 for what was typed).
   * A form refused before anything is loaded answers a plain 400 to someone the page is not for.
   */
  async function answerStep(request: AmendmentRequest, reply: FastifyReply, locale: string, form: string, result: Outcome<unknown>) {
    if (result.ok) return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/amendments/${amendmentNumber(request)}`);
    const state = formState(form, result.errors, request.body);
    if (isStateConflict(result.errors)) return renderAmendment(request, reply, state, 409);
    try {
      return await renderAmendment(request, reply, state, 400);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 404) throw new HttpError(400, 'error.badRequest');
      throw error;
    }
  }

  /** The amendment's number from the URL, and a signed-in actor: 404 otherwise. */
  function target(request: AmendmentRequest) {
    const number = amendmentNumber(request);
    if (!number || !request.actor) throw notFound();
    return { number, actor: request.actor };
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/answers')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { action: 'amendment.consent' } }, async (request, reply) => {
      const read = readForm(AnswerInput, request.body);
      const form = `answer-${read.ok ? read.value.party : String(request.body?.party ?? '')}`;
      if (!read.ok) return answerStep(request, reply, locale, form, read);
      const agreement = await loadAgreement(db, request);
      const { number, actor } = target(request);
      return answerStep(request, reply, locale, form, await answerAmendment({ db, actor, agreement, number, answer: read.value }));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/withdraw')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { action: 'amendment.withdrawAnswer' } }, async (request, reply) => {
      const read = readForm(WithdrawInput, request.body);
      const form = `withdraw-${read.ok ? read.value.party : ''}`;
      if (!read.ok) return answerStep(request, reply, locale, form, read);
      const agreement = await loadAgreement(db, request);
      const { number, actor } = target(request);
      return answerStep(request, reply, locale, form, await withdrawAnswer({ db, actor, agreement, number, withdrawal: read.value }));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/adopt')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { action: 'amendment.adopt' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const { number, actor } = target(request);
      if (!isConfirmed(request.body)) {
        // Adoption publishes a new text (or term) in the parties' name: checked first, when it can be done now.
        const amendment = await q.getAmendment(db, agreement.id, number);
        const standing = await q.standingOf(db, agreement, actor);
        if (amendment && !amendment.adoptedAt && can(actor, 'amendment.adopt', standing)) {
          const parties = await q.listParties(db, agreement.id);
          const outcome = q.outcomeOf(
            parties.map((p) => p.party.id),
            await q.listConsents(db, [amendment.id]),
          );
          if (outcome.state === 'unanimous') {
            const ctx = pageContext(request, config);
            const page = `/${locale}/${request.programme!.slug}/agreement/amendments/${number}`;
            const next = (await q.listVersions(db, agreement.id)).reduce((last, v) => Math.max(last, v.number), 1) + 1;
            return askToConfirm(request, reply, config, {
              title: ctx.t('amendment.adoptCheck.title', { number, title: resolveText(amendment.title, ctx.locale).text }),
              consequences: [
                ctx.t('amendment.adoptCheck.consents', { count: parties.length }),
                amendment.kind === 'renewal'
                  ? ctx.t('amendment.adoptCheck.renewal', { end: formatDate(ctx.locale, endDateAfterRenewal(agreement)) })
                  : ctx.t('amendment.adoptCheck.version', { version: next, date: formatDate(ctx.locale, today()) }),
                ctx.t('amendment.adoptCheck.published'),
              ],
              action: `${page}/adopt`,
              values: {},
              confirmLabel: ctx.t('amendment.adopt'),
              cancelHref: page,
              crumbs: crumbs(ctx, ctx.t('amendment.adopt')),
            });
          }
        }
      }
      return answerStep(request, reply, locale, 'adopt', await adoptAmendment({ db, actor, agreement, number }));
    });
  }

  // --- written record: PDF and DOCX (src/documents) ------------------------------------------
  for (const { locale, url } of localizedPaths('/:programme/agreement/versions/:number/:format')) {
    app.get<{ Params: P & { number: string; format: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const number = positiveInt(request.params.number);
      const format = documentFormat(request.params.format);
      const version = number && format ? await q.getVersion(db, agreement.id, number) : null;
      if (!version) throw notFound();
      const amendment = version.amendmentId ? ((await q.listAmendments(db, agreement.id, false)).find((a) => a.id === version.amendmentId) ?? null) : null;
      const [parties, consents] = await Promise.all([q.listParties(db, agreement.id), q.listConsents(db, amendment ? [amendment.id] : [])]);
      const document = versionDocument(documentContext(request), { agreement, number: version.number, effectiveOn: version.effectiveOn, sections: version.sections, parties, amendment, consents });
      return sendDocument(request, reply, format!, document, `agreement-version-${version.number}-${locale}`);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/:format')) {
    app.get<{ Params: P & { number: string; format: string } }>(url, { config: { action: 'amendment.view' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const number = positiveInt(request.params.number);
      const format = documentFormat(request.params.format);
      const amendment = number && format ? await q.getAmendment(db, agreement.id, number) : null;
      // The written record is of an adopted amendment (public); a pending one has none yet.
      if (!amendment || !amendment.adoptedAt) throw notFound();
      const [parties, consents, base] = await Promise.all([q.listParties(db, agreement.id), q.listConsents(db, [amendment.id]), q.getVersion(db, agreement.id, amendment.baseVersion)]);
      const document = amendmentDocument(documentContext(request), { agreement, amendment, parties, consents, baseSections: base?.sections ?? [] });
      return sendDocument(request, reply, format!, document, `agreement-amendment-${amendment.number}-${locale}`);
    });
  }

  // --- representatives (coordinator) --------------------------------------------------------
  async function renderRepresentatives(request: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) {
    const agreement = await loadAgreement(db, request);
    const [parties, representatives] = await Promise.all([q.listParties(db, agreement.id), q.listRepresentatives(db, agreement.programmeId)]);
    return sendHtml(reply, renderPage(<RepresentativesPage ctx={pageContext(request, config)} parties={parties} representatives={representatives} form={form} />), status);
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/representatives')) {
    app.get<{ Params: P }>(url, { config: { action: 'agreement.manageRepresentatives' } }, async (request, reply) => renderRepresentatives(request, reply));
    app.post<{ Params: P; Body: Form }>(url, { config: { action: 'agreement.manageRepresentatives' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const read = readForm(RepresentativeInput, request.body);
      const result = read.ok ? await addRepresentative({ db, actor: request.actor!, agreement, representative: read.value }) : read;
      if (!result.ok) {
        const party = request.body?.party;
        return renderRepresentatives(request, reply, formState(representativeForm(isUuid(party) ? party : 'unknown'), result.errors, request.body), 400);
      }
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/representatives`);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/representatives/:id/remove')) {
    app.post<{ Params: P & { id: string } }>(url, { config: { action: 'agreement.manageRepresentatives' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      if (!isUuid(request.params.id)) throw notFound();
      await removeRepresentative({ db, actor: request.actor!, agreement, id: request.params.id });
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/representatives`);
    });
  }
}
