// The coordinator's page of the parties' representatives: who speaks for each party, appointed
// by e-mail address and removed again.
import { CsrfField, Heading, SubmitButton, Text, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import type { PartyRow } from './queries.ts';
import { RepresentativeInput } from './schema.ts';
import { base, crumbs, plain } from './views.tsx';

/** Each party's own form on the page. */
export const representativeForm = (partyId: string) => `representative-${partyId}`;

export function RepresentativesPage(props: {
  ctx: PageContext;
  parties: PartyRow[];
  representatives: { id: string; partyId: string; name: string; email: string }[];
  form?: FormState;
}) {
  const { ctx, parties, representatives, form } = props;
  const { t, locale } = ctx;
  const title = t('agreement.representatives');
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)} indexable={false}>
      <Heading level={1}>{title}</Heading>
      <p class="utrecht-paragraph">{t('agreement.representativesIntro')}</p>
      {form && <ErrorSummary ctx={ctx} state={form} form={form.form} />}
      {parties.map(({ party, organisation }) => {
        const reps = representatives.filter((r) => r.partyId === party.id);
        const partyName = plain(organisation.name, locale);
        return (
          <section aria-labelledby={`party-${organisation.slug}`}>
            <Heading level={2} id={`party-${organisation.slug}`}>
              <Text value={organisation.name} locale={locale} />
            </Heading>
            {reps.length === 0 ? (
              <p class="utrecht-paragraph">{t('agreement.noRepresentatives')}</p>
            ) : (
              <ul class="utrecht-unordered-list">
                {reps.map((r) => (
                  <li class="utrecht-unordered-list__item">
                    {r.name} ({r.email}){' '}
                    <form method="post" action={`/${locale}${base(ctx)}/representatives/${r.id}/remove`} class="ks-inline-form">
                      <CsrfField ctx={ctx} />
                      <button type="submit" class="utrecht-button utrecht-button--html-button utrecht-button--subtle" aria-label={`${t('agreement.representativeRemove')}: ${r.name}`}>
                        {t('agreement.representativeRemove')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            )}
            <PostForm ctx={ctx} action={`/${locale}${base(ctx)}/representatives`} label={`${t('agreement.representativeAdd')}: ${partyName}`} id={representativeForm(party.id)}>
              <input type="hidden" name="party" value={party.id} />
              <TextField {...fieldProps(ctx, RepresentativeInput, form, representativeForm(party.id), 'email')} type="email" label={t('agreement.representativeEmail')} />
              <SubmitButton secondary>{t('agreement.representativeAdd')}</SubmitButton>
            </PostForm>
          </section>
        );
      })}
    </Layout>
  );
}
