// The page that starts a successor programme: the new name, address, first day and term, and a
// checkbox per project that may carry on. Posting it leads to the check-and-confirm page
// (src/web/confirm.tsx), which lists what will be copied.
import { resolveText, type LocalizedText } from '../../domain/localized.ts';
import { SUCCESSOR_TERM_YEARS } from '../../domain/successor.ts';
import { Alert, Heading, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { BilingualField, Checkbox, ErrorSummary, errorOf, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import type { CarriedWhole, CarryCandidate } from './successor-queries.ts';
import { SuccessorForm } from './successor-input.ts';
import './successor-messages.ts';

export const SUCCESSOR_FORM = 'successor';

export function SuccessorPage(props: {
  ctx: PageContext;
  candidates: CarryCandidate[];
  whole: CarriedWhole;
  successor: { slug: string; name: LocalizedText } | null;
  blocked?: string;
  state?: FormState;
}) {
  const { ctx, candidates, whole, successor, state } = props;
  const { t, locale } = ctx;
  const programme = ctx.programme!;
  const programmeName = resolveText(programme.name, locale).text;
  const title = t('successor.title');
  const checked = new Set(state ? [state.values.projectIds ?? []].flat().map(String) : []);
  const projectsError = errorOf(ctx, state, SUCCESSOR_FORM, 'projectIds');
  return (
    <Layout ctx={ctx} title={title} indexable={false} crumbs={[{ label: title }]}>
      <Heading level={1}>{title}</Heading>
      {successor ? (
        <Alert kind="info">
          <p class="utrecht-paragraph">
            {t('successor.exists', { programme: programmeName })}{' '}
            <a class="utrecht-link" href={localePath(locale, `/${successor.slug}`)}>
              {resolveText(successor.name, locale).text}
            </a>
          </p>
        </Alert>
      ) : props.blocked ? (
        <Alert kind="warning">
          <p class="utrecht-paragraph">{t(props.blocked)}</p>
        </Alert>
      ) : (
        <>
          <p class="utrecht-paragraph">{t('successor.intro', { programme: programmeName })}</p>
          <p class="utrecht-paragraph">{t('successor.whole', { ...whole })}</p>
          <ErrorSummary
            ctx={ctx}
            state={state}
            form={SUCCESSOR_FORM}
            labels={{ name_nl: t('successor.field.name'), name_en: t('successor.field.name'), slug: t('successor.field.slug'), startOn: t('successor.field.startOn'), termYears: t('successor.field.termYears'), projectIds: t('successor.projects') }}
          />
          <PostForm ctx={ctx} action={localePath(locale, `/${programme.slug}/successor`)} label={title} id="successor-form">
            <BilingualField ctx={ctx} schema={SuccessorForm} state={state} form={SUCCESSOR_FORM} name="name" label={t('successor.field.name')} required />
            <TextField {...fieldProps(ctx, SuccessorForm, state, SUCCESSOR_FORM, 'slug')} label={t('successor.field.slug')} description={t('successor.field.slug.description')} autocomplete="off" />
            <TextField {...fieldProps(ctx, SuccessorForm, state, SUCCESSOR_FORM, 'startOn')} type="date" label={t('successor.field.startOn')} />
            <TextField
              {...fieldProps(ctx, SuccessorForm, state, SUCCESSOR_FORM, 'termYears', '5')}
              type="number"
              inputMode="numeric"
              label={t('successor.field.termYears')}
              description={t('successor.field.termYears.description', { ...SUCCESSOR_TERM_YEARS })}
            />
            <fieldset class="utrecht-form-fieldset ks-successor-projects" id={`${SUCCESSOR_FORM}-projectIds`} aria-describedby={`${SUCCESSOR_FORM}-projects-description${projectsError ? ` ${SUCCESSOR_FORM}-projects-error` : ''}`}>
              <legend class="utrecht-form-fieldset__legend">{t('successor.projects')}</legend>
              <p class="utrecht-form-field-description" id={`${SUCCESSOR_FORM}-projects-description`}>
                {t('successor.projects.description', { programme: programmeName })}
              </p>
              {projectsError && (
                <div class="utrecht-form-field-error-message ks-error" id={`${SUCCESSOR_FORM}-projects-error`}>
                  {projectsError}
                </div>
              )}
              {candidates.length === 0 && <p class="utrecht-paragraph">{t('successor.projects.none')}</p>}
              {candidates.map((project) => {
                const label = t('successor.project', { code: project.code, title: resolveText(project.title, locale).text });
                const lifecycle = t(`lifecycle.${project.lifecycle}`);
                return project.carriable ? (
                  <Checkbox
                    id={`successor-project-${project.code}`}
                    name="projectIds"
                    value={project.id}
                    label={label}
                    checked={checked.has(project.id)}
                    description={t('successor.project.detail', { lifecycle, partners: project.partners, actions: project.openActions })}
                  />
                ) : (
                  <p class="utrecht-paragraph ks-muted">
                    {label} — {t('successor.project.notCarriable', { lifecycle })}
                  </p>
                );
              })}
            </fieldset>
            <div class="ks-button-group">
              <button type="submit" class="utrecht-button utrecht-button--primary-action">
                {t('successor.submit')}
              </button>
            </div>
          </PostForm>
        </>
      )}
    </Layout>
  );
}
