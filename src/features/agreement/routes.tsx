// The agreement's pages: public text, versions and adopted amendments; proposals, answers and
// adoption for the parties' representatives; representatives managed by the coordinator.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { LOCALES } from '../../domain/localized.ts';
import { endDate, endDateAfterRenewal, termWarning } from '../../domain/term.ts';
import { Alert, Heading, Link } from '../../web/components.tsx';
import { registerDashboardPanel } from '../../web/dashboard.ts';
import { formatDate } from '../../web/i18n.ts';
import { HttpError, notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { registerNavItem } from '../../web/navigation.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import { addRepresentative, adoptAmendment, answerAmendment, isCoordinator, proposeAmendment, removeRepresentative, withdrawAnswer } from './commands.ts';
import './messages.ts';
import * as q from './queries.ts';
import type { SectionEdit } from './tables.ts';
import { amendmentDocument, renderDocx, renderPdf, versionDocument, type Block } from './documents.ts';
import { AgreementPage, AmendmentPage, ComparePage, ProposePage, RepresentativesPage, VersionPage, type ProposalForm } from './views.tsx';

type P = { programme: string };
type Form = Record<string, unknown>;
const str = (body: Form | undefined, key: string, limit = 20000) => (typeof body?.[key] === 'string' ? (body[key] as string).replace(/\r\n/g, '\n').trim().slice(0, limit + 1) : '');
const MAX_TEXT = 20000;

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
  registerDashboardPanel({
    key: 'agreement-term',
    order: 20,
    render: async ({ db, ctx, programmeId }) => {
      const agreement = await q.getAgreement(db, programmeId);
      if (!agreement) return null;
      const warning = termWarning(agreement, new Date().toISOString().slice(0, 10));
      const pending = (await q.listAmendments(db, agreement.id, true)).filter((a) => !a.adoptedAt).length;
      if (warning === 'none' && pending === 0) return null;
      return (
        <section aria-labelledby="dashboard-agreement">
          <Heading level={2} id="dashboard-agreement">
            {ctx.t('agreement.dashboard.title')}
          </Heading>
          {warning !== 'none' && <Alert kind={warning === 'six-months' ? 'info' : 'warning'}>{ctx.t(`agreement.dashboard.${warning}`, { end: formatDate(ctx.locale, endDate(agreement)) })}</Alert>}
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
      const represented = await q.representedPartyIds(db, agreement.programmeId, request.actor?.userId);
      const insider = represented.length > 0 || isCoordinator(request.actor, agreement.programmeId);
      const [parties, current, versions, amendments] = await Promise.all([
        q.listParties(db, agreement.id),
        q.currentVersion(db, agreement),
        versionsWithAmendments(db, agreement.id),
        q.listAmendments(db, agreement.id, insider),
      ]);
      const page = (
        <AgreementPage
          ctx={pageContext(request, config)}
          agreement={agreement}
          endOn={endDate(agreement)}
          parties={parties}
          current={current}
          versions={versions.length > 0 ? versions : [{ number: 1, effectiveOn: agreement.signedOn, amendmentNumber: null }]}
          adopted={amendments.filter((a) => a.adoptedAt)}
          pending={insider ? amendments.filter((a) => !a.adoptedAt) : null}
          canPropose={represented.length > 0}
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
  async function renderPropose(request: FastifyRequest, reply: FastifyReply, form: ProposalForm, represented: string[], status = 200) {
    const agreement = await loadAgreement(db, request);
    const [parties, current] = await Promise.all([q.listParties(db, agreement.id), q.currentVersion(db, agreement)]);
    return sendHtml(
      reply,
      renderPage(<ProposePage ctx={pageContext(request, config)} form={form} parties={parties} represented={represented} sections={current.sections} endOn={endDate(agreement)} nextEndOn={endDateAfterRenewal(agreement)} />),
      status,
    );
  }

  for (const { url } of localizedPaths('/:programme/agreement/amendments/new')) {
    app.get<{ Params: P; Querystring: { kind?: string } }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const represented = await q.representedPartyIds(db, agreement.programmeId, request.actor?.userId);
      if (represented.length === 0) throw notFound();
      const current = await q.currentVersion(db, agreement);
      const bodies: Record<string, string> = {};
      for (const s of current.sections) for (const l of LOCALES) bodies[`body_${s.key}_${l}`] = s.body[l] ?? '';
      const kind = request.query.kind === 'renewal' ? 'renewal' : 'text';
      return renderPropose(request, reply, { kind, party: represented[0]!, title_nl: '', title_en: '', reason_nl: '', reason_en: '', bodies, errors: [] }, represented);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments')) {
    app.post<{ Params: P; Body: Form }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const actor = request.actor;
      const represented = await q.representedPartyIds(db, agreement.programmeId, actor?.userId);
      if (!actor || represented.length === 0) throw notFound();
      const body = request.body ?? {};
      const kind = body.kind === 'renewal' ? 'renewal' : 'text';
      const current = await q.currentVersion(db, agreement);
      const form: ProposalForm = {
        kind,
        party: str(body, 'party', 100),
        title_nl: str(body, 'title_nl', 300),
        title_en: str(body, 'title_en', 300),
        reason_nl: str(body, 'reason_nl', MAX_TEXT),
        reason_en: str(body, 'reason_en', MAX_TEXT),
        bodies: {},
        errors: [],
      };
      const edits: SectionEdit[] = [];
      let tooLong = form.title_nl.length > 300 || form.title_en.length > 300 || form.reason_nl.length > MAX_TEXT || form.reason_en.length > MAX_TEXT;
      for (const s of current.sections) {
        const texts = { nl: '', en: '' };
        for (const l of LOCALES) {
          const field = `body_${s.key}_${l}`;
          // A field left out keeps the current text, so a proposal may name only what it changes.
          texts[l] = typeof body[field] === 'string' ? str(body, field, MAX_TEXT) : (s.body[l] ?? '');
          if (texts[l].length > MAX_TEXT) tooLong = true;
          form.bodies[field] = texts[l];
        }
        if (texts.nl !== (s.body.nl ?? '').trim() || texts.en !== (s.body.en ?? '').trim()) edits.push({ key: s.key, body: texts });
      }
      if (!represented.includes(form.party)) {
        // Naming a party one does not represent is refused outright, and nothing is stored.
        if (form.party && /^[0-9a-f-]{36}$/.test(form.party)) throw new HttpError(403, 'error.forbidden');
        form.errors.push('amendment.error.party');
      }
      if (!form.title_nl && !form.title_en) form.errors.push('amendment.error.title');
      if (!form.reason_nl && !form.reason_en) form.errors.push('amendment.error.reason');
      if (tooLong) form.errors.push('amendment.error.tooLong');
      if (kind === 'text' && edits.length === 0) form.errors.push('amendment.error.noChanges');
      if (form.errors.length > 0) return renderPropose(request, reply, form, represented, 400);
      const number = await proposeAmendment({
        db,
        actor,
        agreement,
        partyId: form.party,
        kind,
        title: { nl: form.title_nl || undefined, en: form.title_en || undefined },
        reason: { nl: form.reason_nl || undefined, en: form.reason_en || undefined },
        edits,
      });
      return redirectLocal(reply, undefined, `/${locale}/${agreement ? request.programme!.slug : ''}/agreement/amendments/${number}`);
    });
  }

  // --- one amendment -----------------------------------------------------------------------
  async function renderAmendment(request: FastifyRequest<{ Params: P & { number: string } }>, reply: FastifyReply, problem?: string, status = 200) {
    const agreement = await loadAgreement(db, request);
    const number = positiveInt(request.params.number);
    const amendment = number ? await q.getAmendment(db, agreement.id, number) : null;
    if (!amendment) throw notFound();
    const represented = await q.representedPartyIds(db, agreement.programmeId, request.actor?.userId);
    const coordinator = isCoordinator(request.actor, agreement.programmeId);
    // Pending proposals exist only for the parties and the coordinator.
    if (!amendment.adoptedAt && represented.length === 0 && !coordinator) throw notFound();
    const [parties, consents, baseVersion] = await Promise.all([q.listParties(db, agreement.id), q.listConsents(db, [amendment.id]), q.getVersion(db, agreement.id, amendment.baseVersion)]);
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
        represented={represented}
        canAdopt={!amendment.adoptedAt && outcome.state === 'unanimous' && (coordinator || represented.length > 0)}
        problem={problem}
      />
    );
    return sendHtml(reply, renderPage(page), status);
  }

  for (const { url } of localizedPaths('/:programme/agreement/amendments/:number')) {
    app.get<{ Params: P & { number: string } }>(url, { config: { access: 'record' } }, async (request, reply) => renderAmendment(request, reply));
  }

  type AmendmentRequest = FastifyRequest<{ Params: P & { number: string }; Body: Form }>;
  /** Runs a command; a conflict (already answered, blocked, adopted...) re-renders the page with 409. */
  async function act(request: AmendmentRequest, reply: FastifyReply, locale: string, run: (number: number) => Promise<unknown>) {
    const number = positiveInt(request.params.number);
    if (!number) throw notFound();
    if (!request.actor) throw notFound();
    try {
      await run(number);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 409) return renderAmendment(request, reply, error.detail, 409);
      throw error;
    }
    return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/amendments/${number}`);
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/answers')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const answer = request.body?.answer;
      const partyId = str(request.body, 'party', 100);
      if ((answer !== 'consent' && answer !== 'objection') || !partyId) throw new HttpError(400, 'error.badRequest');
      const note = str(request.body, 'note', 2000).slice(0, 2000);
      return act(request, reply, locale, (number) => answerAmendment({ db, actor: request.actor!, agreement, number, partyId, answer, note }));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/withdraw')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const partyId = str(request.body, 'party', 100);
      if (!partyId) throw new HttpError(400, 'error.badRequest');
      return act(request, reply, locale, (number) => withdrawAnswer({ db, actor: request.actor!, agreement, number, partyId }));
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/adopt')) {
    app.post<{ Params: P & { number: string }; Body: Form }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      return act(request, reply, locale, (number) => adoptAmendment({ db, actor: request.actor!, agreement, number }));
    });
  }

  // --- written record: PDF and DOCX ---------------------------------------------------------
  async function sendDocument(reply: FastifyReply, format: string, blocks: Block[], title: string, filename: string, locale: 'nl' | 'en') {
    if (format === 'pdf') return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}.pdf"`).send(await renderPdf(blocks, title));
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="${filename}.docx"`)
      .send(await renderDocx(blocks, title, locale));
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/versions/:number/:format')) {
    app.get<{ Params: P & { number: string; format: string } }>(url, { config: { action: 'public' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const number = positiveInt(request.params.number);
      const format = request.params.format;
      const version = number && (format === 'pdf' || format === 'docx') ? await q.getVersion(db, agreement.id, number) : null;
      if (!version) throw notFound();
      const amendment = version.amendmentId ? ((await q.listAmendments(db, agreement.id, false)).find((a) => a.id === version.amendmentId) ?? null) : null;
      const [parties, consents] = await Promise.all([q.listParties(db, agreement.id), q.listConsents(db, amendment ? [amendment.id] : [])]);
      const blocks = versionDocument({ locale, agreement, number: version.number, effectiveOn: version.effectiveOn, sections: version.sections, parties, amendment, consents });
      return sendDocument(reply, format, blocks, blocks[0]!.text, `agreement-version-${version.number}-${locale}`, locale);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/amendments/:number/:format')) {
    app.get<{ Params: P & { number: string; format: string } }>(url, { config: { access: 'record' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const number = positiveInt(request.params.number);
      const format = request.params.format;
      const amendment = number && (format === 'pdf' || format === 'docx') ? await q.getAmendment(db, agreement.id, number) : null;
      // The written record is of an adopted amendment; a pending one has none yet.
      if (!amendment || !amendment.adoptedAt) throw notFound();
      const [parties, consents, base] = await Promise.all([q.listParties(db, agreement.id), q.listConsents(db, [amendment.id]), q.getVersion(db, agreement.id, amendment.baseVersion)]);
      const blocks = amendmentDocument({ locale, agreement, amendment, parties, consents, baseSections: base?.sections ?? [] });
      return sendDocument(reply, format, blocks, blocks[0]!.text, `agreement-amendment-${amendment.number}-${locale}`, locale);
    });
  }

  // --- representatives (coordinator) --------------------------------------------------------
  async function renderRepresentatives(request: FastifyRequest, reply: FastifyReply, form?: { party: string; email: string; error?: string }, status = 200) {
    const agreement = await loadAgreement(db, request);
    const [parties, representatives] = await Promise.all([q.listParties(db, agreement.id), q.listRepresentatives(db, agreement.programmeId)]);
    return sendHtml(reply, renderPage(<RepresentativesPage ctx={pageContext(request, config)} parties={parties} representatives={representatives} form={form} />), status);
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/representatives')) {
    app.get<{ Params: P }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => renderRepresentatives(request, reply));
    app.post<{ Params: P; Body: Form }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      const party = str(request.body, 'party', 100);
      const email = str(request.body, 'email', 320).toLowerCase();
      if (!email) return renderRepresentatives(request, reply, { party, email, error: 'field.required' }, 400);
      const result = /^[0-9a-f-]{36}$/.test(party) ? await addRepresentative({ db, actor: request.actor!, agreement, partyId: party, email }) : 'unknownParty';
      if (result !== 'added') return renderRepresentatives(request, reply, { party, email, error: `agreement.error.${result}` }, 400);
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/representatives`);
    });
  }

  for (const { locale, url } of localizedPaths('/:programme/agreement/representatives/:id/remove')) {
    app.post<{ Params: P & { id: string } }>(url, { config: { action: 'programme.manage' } }, async (request, reply) => {
      const agreement = await loadAgreement(db, request);
      if (!/^[0-9a-f-]{36}$/.test(request.params.id)) throw notFound();
      await removeRepresentative({ db, actor: request.actor!, agreement, id: request.params.id });
      return redirectLocal(reply, undefined, `/${locale}/${request.programme!.slug}/agreement/representatives`);
    });
  }
}
