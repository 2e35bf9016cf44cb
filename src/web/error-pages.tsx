// Errors in the user's language: an HTML page for people, application/problem+json for the API.
// Never a stack trace; a 500 shows only a reference the administrator can find in the log.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessDenied } from '../domain/policy.ts';
import { isActionName, ruleOf } from '../policies.ts';
import type { Config } from '../config.ts';
import { Heading, Link } from './components.tsx';
import { HttpError, sendHtml, wantsJson } from './http.ts';
import { Layout } from './layout.tsx';
import { pageContext } from './request-context.ts';
import { renderPage } from './render.ts';
import { translate } from './i18n.ts';

interface Problem {
  status: number;
  messageKey: string;
  detail?: string;
  problems?: { field: string; messageKey: string }[];
}

function classify(error: unknown): Problem {
  if (error instanceof HttpError) return { status: error.statusCode, messageKey: error.messageKey, detail: error.detail, problems: error.problems };
  if (error instanceof AccessDenied) return { status: 403, messageKey: 'error.forbidden' };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return { status: 400, messageKey: 'error.badRequest', detail: fastifyError.message };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, messageKey: 'error.tooLarge' };
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, messageKey: 'error.badRequest' };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, messageKey: fastifyError.statusCode === 404 ? 'error.notFound' : 'error.badRequest' };
  }
  return { status: 500, messageKey: 'error.server' };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem): FastifyReply {
  const locale = request.locale;
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: 'about:blank',
      title: translate(locale, problem.messageKey),
      status: problem.status,
      detail: problem.detail ?? translate(locale, `${problem.messageKey}.body`),
      instance: request.url.split('?')[0],
      ...(problem.problems ? { invalidParams: problem.problems.map((p) => ({ name: p.field, reason: translate(locale, p.messageKey) })) } : {}),
    });
}

export function renderErrorPage(request: FastifyRequest, reply: FastifyReply, config: Config, problem: Problem): FastifyReply {
  const ctx = pageContext(request, config);
  const { t } = ctx;
  const bodyKey = `${problem.messageKey}.body`;
  const body = t(bodyKey) === bodyKey ? (problem.detail && problem.status < 500 ? problem.detail : '') : t(bodyKey);
  const page = renderPage(
    <Layout ctx={ctx} title={t(problem.messageKey)} indexable={false}>
      <Heading level={1}>{t(problem.messageKey)}</Heading>
      {body && <p class="utrecht-paragraph">{body}</p>}
      {problem.status >= 500 && <p class="utrecht-paragraph ks-muted">{t('error.requestId', { id: request.id })}</p>}
      {problem.status === 403 && ctx.actor && <p class="utrecht-paragraph">{t('error.signedInAs', { name: ctx.actor.displayName })}</p>}
      <p class="utrecht-paragraph">
        <Link ctx={ctx} to={ctx.programme ? `/${ctx.programme.slug}` : '/'}>
          {t('error.backHome')}
        </Link>
      </p>
      {problem.status === 403 && ctx.actor && (
        <p class="utrecht-paragraph">
          <Link ctx={ctx} to={ctx.programme ? `/${ctx.programme.slug}/my-work` : '/my-work'}>
            {t('error.toMyWork')}
          </Link>
        </p>
      )}
    </Layout>,
  );
  return sendHtml(reply, page, problem.status);
}

/**
 * An internal page asked for without a session: a record page whose rule decides per record (a
 * meeting, an amendment, a report form) answers "sign in first" instead of "not found", so a link
 * in a reminder or invitation still works after the session expired. Every such answer is the same,
 * whether the record exists or not, so it tells a visitor nothing; after login the person sees the
 * page, or 404 when it is not theirs to see. Public pages (and token links) keep their 404.
 */
function leadsToLogin(request: FastifyRequest): boolean {
  const action = request.routeOptions?.config?.action;
  if (!isActionName(action)) return false;
  const rule = ruleOf(action);
  return !rule.anyone || rule.needsRecord;
}

export function registerErrorHandling(app: FastifyInstance, config: Config): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = classify(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status: problem.status, code: (error as FastifyError).code }, (error as Error).message);
    if (wantsJson(request)) return sendProblem(request, reply, problem);
    if (request.method === 'GET' && (problem.status === 401 || (problem.status === 404 && !request.actor && leadsToLogin(request)))) {
      return reply.redirect(`/${request.locale}/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    return renderErrorPage(request, reply, config, problem);
  });
  app.setNotFoundHandler({ preHandler: undefined }, (request, reply) => {
    const problem = { status: 404, messageKey: 'error.notFound' };
    if (wantsJson(request)) return sendProblem(request, reply, problem);
    return renderErrorPage(request, reply, config, problem);
  });
}
