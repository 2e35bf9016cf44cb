// "Check and confirm": the one step every irreversible action goes through (adopt, publish, award,
// admit, decide, confirm, send). The form posts as usual; the route reads and checks it, and while
// the post does not carry `confirmed=yes` it answers with this page: what will happen, the values
// carried along in hidden fields, a confirm button that posts them again with `confirmed=yes`, and
// a way back. Works without JavaScript; nothing is written before the confirmation. Its messages are
// in the core catalogue (src/web/messages/core.ts).
//
//   const read = readForm(AdoptInput, request.body);
//   if (!read.ok) return showForm(...);
//   if (!isConfirmed(request.body)) return askToConfirm(request, reply, config, { ... });
//   const result = await adopt(...);
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Config } from '../config.ts';
import { Heading, SubmitButton } from './components.tsx';
import type { Crumb } from './components.tsx';
import type { PageContext } from './context.ts';
import type { FormBody } from './forms.ts';
import { sendHtml } from './http.ts';
import { Layout } from './layout.tsx';
import { renderPage } from './render.ts';
import { pageContext } from './request-context.ts';

export const CONFIRM_FIELD = 'confirmed';

export interface Confirmation {
  /** The question, e.g. "Adopt the annual agenda 2019?". */
  title: string;
  /** What will happen, one sentence each, in the reader's language. */
  consequences: string[];
  /** A warning to read before confirming (e.g. "this year has passed: it is adopted afterwards"). */
  warning?: string;
  /** Where the form posts (the same URL as the first post). */
  action: string;
  /** The posted fields to carry to the confirmation (the CSRF token is added, never copied). */
  values: FormBody;
  /** The confirm button, naming the action ("Adopt", "Award €5,000"). */
  confirmLabel: string;
  /** Where "back" leads, without doing anything. */
  cancelHref: string;
  crumbs?: Crumb[];
  /** What was typed, to read before confirming (e.g. a proposal's changes), above what will happen. */
  summary?: ComponentChildren;
  /**
   * A form made in steps: a button that posts the carried values back to an earlier step (as
   * `name=value`) to change them, instead of only leaving. It posts `confirmed=yes` too: the route
   * looks at `name` first.
   */
  back?: { name: string; value: string; label: string };
}

export function isConfirmed(body: unknown): boolean {
  return !!body && typeof body === 'object' && (body as FormBody)[CONFIRM_FIELD] === 'yes';
}

/**
 * Posted values carried to a next step as hidden inputs (the CSRF token and the confirmation are the
 * form's own, never copied); `only` limits them to those fields, in that order.
 */
export function hiddenFields(values: FormBody, only?: readonly string[]) {
  const inputs = [];
  const entries = only ? only.map((name) => [name, values[name]] as const) : Object.entries(values);
  for (const [name, value] of entries) {
    if (name === '_csrf' || name === CONFIRM_FIELD) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === 'string') inputs.push(<input type="hidden" name={name} value={item} />);
    }
  }
  return inputs;
}

export function ConfirmPage({ ctx, confirmation }: { ctx: PageContext; confirmation: Confirmation }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={confirmation.title} crumbs={confirmation.crumbs} indexable={false}>
      <Heading level={1}>{confirmation.title}</Heading>
      {confirmation.summary}
      <section class="ks-confirm" aria-labelledby="confirm-what">
        <Heading level={2} id="confirm-what">
          {t('confirm.whatHappens')}
        </Heading>
        <ul class="utrecht-unordered-list">
          {confirmation.consequences.map((line) => (
            <li class="utrecht-unordered-list__item">{line}</li>
          ))}
        </ul>
        {confirmation.warning && (
          <div class="utrecht-alert utrecht-alert--warning" role="status">
            <div class="utrecht-alert__content">
              <p class="utrecht-paragraph">{confirmation.warning}</p>
            </div>
          </div>
        )}
        <p class="utrecht-paragraph">{t('confirm.irreversible')}</p>
        <form method="post" action={confirmation.action} class="ks-form" aria-label={confirmation.title}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          {hiddenFields(confirmation.values)}
          <input type="hidden" name={CONFIRM_FIELD} value="yes" />
          <div class="ks-button-group">
            <SubmitButton>{confirmation.confirmLabel}</SubmitButton>
            {confirmation.back && (
              <SubmitButton secondary name={confirmation.back.name} value={confirmation.back.value}>
                {confirmation.back.label}
              </SubmitButton>
            )}
            <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={confirmation.cancelHref}>
              {t('confirm.back')}
            </a>
          </div>
        </form>
      </section>
    </Layout>
  );
}

/** Answers with the confirmation page (200): nothing has been done yet. */
export function askToConfirm(request: FastifyRequest, reply: FastifyReply, config: Config, confirmation: Confirmation): FastifyReply {
  return sendHtml(reply, renderPage(<ConfirmPage ctx={pageContext(request, config)} confirmation={confirmation} />));
}
