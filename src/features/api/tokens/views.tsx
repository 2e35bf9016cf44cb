import { Alert, CsrfField, Heading, SelectField, SubmitButton, TableScroll, Text, TextField } from '../../../web/components.tsx';
import type { PageContext } from '../../../web/context.ts';
import { localePath } from '../../../web/context.ts';
import { Layout } from '../../../web/layout.tsx';
import { formatDateTime } from '../../../web/i18n.ts';
import { resolveText, type LocalizedText } from '../../../domain/localized.ts';
import { API_TOKEN_SCOPES } from '../tables.ts';
import { TOKEN_NAME_LENGTH, type TokenInputErrors } from './commands.ts';

export interface TokenRow {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  programmeSlug: string;
  programmeName: LocalizedText;
}

export interface TokenFormState {
  name?: string;
  scope?: string;
  programme?: string;
  errors?: TokenInputErrors;
  /** The token just made: shown once. */
  created?: string;
}

export function TokensPage({
  ctx,
  tokens,
  programmes,
  state,
}: {
  ctx: PageContext;
  tokens: TokenRow[];
  programmes: { slug: string; name: LocalizedText }[];
  state: TokenFormState;
}) {
  const { t, locale } = ctx;
  const action = localePath(locale, '/account/tokens');
  const errors = state.errors ?? {};
  return (
    <Layout
      ctx={ctx}
      title={t('apiTokens.title')}
      indexable={false}
      crumbs={[{ label: t('account.title'), href: localePath(locale, '/account') }, { label: t('apiTokens.title') }]}
    >
      <Heading level={1}>{t('apiTokens.title')}</Heading>
      <p class="utrecht-paragraph">{t('apiTokens.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/api/v1/openapi.json">
          {t('apiTokens.docs')}
        </a>
      </p>
      {state.created && (
        <Alert kind="ok">
          <p class="utrecht-paragraph">{t('apiTokens.created')}</p>
          <p class="utrecht-paragraph">
            <code id="new-token">{state.created}</code>
          </p>
        </Alert>
      )}
      <Heading level={2}>{t('apiTokens.new')}</Heading>
      {programmes.length === 0 ? (
        <p class="utrecht-paragraph">{t('apiTokens.noProgrammes')}</p>
      ) : (
        <form method="post" action={action} class="ks-form" novalidate>
          <CsrfField ctx={ctx} />
          <TextField id="token-name" name="name" label={t('apiTokens.name')} description={t('apiTokens.nameHint')} value={state.name} required error={errors.name && t(errors.name)} maxLength={TOKEN_NAME_LENGTH} />
          <fieldset class="utrecht-form-fieldset" aria-describedby={errors.scope ? 'token-scope-error' : undefined}>
            <legend class="utrecht-form-fieldset__legend">{t('apiTokens.scope')}</legend>
            {errors.scope && (
              <p class="utrecht-form-field-error-message ks-error" id="token-scope-error">
                {t(errors.scope)}
              </p>
            )}
            {API_TOKEN_SCOPES.map((scope) => (
              <div class="utrecht-form-field utrecht-form-field--radio">
                <input
                  class="utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`token-scope-${scope}`}
                  name="scope"
                  value={scope}
                  checked={(state.scope ?? 'read') === scope}
                />{' '}
                <label class="utrecht-form-label utrecht-form-label--radio" for={`token-scope-${scope}`}>
                  {t(`apiTokens.scope.${scope}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <SelectField
            id="token-programme"
            name="programme"
            label={t('apiTokens.programme')}
            value={state.programme}
            error={errors.programme && t(errors.programme)}
            options={programmes.map((programme) => ({ value: programme.slug, label: resolveText(programme.name, locale).text || programme.slug }))}
          />
          <SubmitButton>{t('apiTokens.create')}</SubmitButton>
        </form>
      )}
      <Heading level={2}>{t('apiTokens.list')}</Heading>
      {tokens.length === 0 ? (
        <p class="utrecht-paragraph">{t('apiTokens.none')}</p>
      ) : (
        <TableScroll label={t('apiTokens.list')}>
          <table class="utrecht-table ks-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.name')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.programme')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.scope')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.createdAt')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.lastUsedAt')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('apiTokens.status')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {tokens.map((token) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    {token.name} <code>{token.prefix}…</code>
                  </td>
                  <td class="utrecht-table__cell">
                    <Text value={token.programmeName} locale={locale} />
                  </td>
                  <td class="utrecht-table__cell">{t(`apiTokens.scope.${token.scope}`)}</td>
                  <td class="utrecht-table__cell">{formatDateTime(locale, token.createdAt)}</td>
                  <td class="utrecht-table__cell">{token.lastUsedAt ? formatDateTime(locale, token.lastUsedAt) : t('apiTokens.never')}</td>
                  <td class="utrecht-table__cell">
                    {token.revokedAt ? (
                      t('apiTokens.revoked')
                    ) : (
                      <form method="post" action={`${action}/${token.id}/revoke`}>
                        <CsrfField ctx={ctx} />
                        <button
                          type="submit"
                          class="utrecht-button utrecht-button--html-button utrecht-button--secondary-action"
                          aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                        >
                          {t('apiTokens.revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
