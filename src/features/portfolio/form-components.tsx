// Form controls for the portfolio's editing pages that the shared components (src/web/components.tsx)
// do not cover: a field in both languages built on them, checkboxes, radio groups and an error
// summary that links to the fields.
import type { ComponentChildren } from 'preact';
import type { LocalizedText } from '../../domain/localized.ts';
import { Heading, TextArea, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import type { Problems } from './forms.ts';

/** One content field in Dutch and English, side by side in a fieldset. */
export function LocalizedInput(props: { ctx: PageContext; name: string; label: string; value: LocalizedText; problems: Problems; multiline?: boolean; required?: boolean; description?: string }) {
  const { ctx, name, label, value, problems } = props;
  const error = problems[`${name}_nl`] ? ctx.t(problems[`${name}_nl`]!) : undefined;
  const descriptionId = props.description ? `${name}-description` : undefined;
  const Field = props.multiline ? TextArea : TextField;
  return (
    <fieldset class="utrecht-form-fieldset ks-bilingual" aria-describedby={descriptionId}>
      <legend class="utrecht-form-fieldset__legend">
        {label}
        {props.required ? ` (${ctx.t('pf.form.required')})` : ''}
      </legend>
      {props.description && (
        <p class="utrecht-form-field-description" id={descriptionId}>
          {props.description}
        </p>
      )}
      <Field id={`${name}_nl`} label={ctx.t('pf.form.inDutch')} value={value.nl ?? ''} error={error} lang="nl" />
      <Field id={`${name}_en`} label={ctx.t('pf.form.inEnglish')} value={value.en ?? ''} lang="en" />
    </fieldset>
  );
}

export function Checkbox({ id, label, checked, value }: { id: string; label: string; checked: boolean; value?: string }) {
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <div class="utrecht-form-field__input">
        <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={value ? `${id}-${value}` : id} name={id} value={value ?? 'on'} checked={checked} />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={value ? `${id}-${value}` : id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function RadioGroup(props: { name: string; legend: string; value: string; options: { value: string; label: string }[]; error?: string }) {
  return (
    <fieldset class="utrecht-form-fieldset" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      {props.error && (
        <div class="utrecht-form-field-error-message ks-error" id={`${props.name}-error`}>
          {props.error}
        </div>
      )}
      {props.options.map((o) => (
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`${props.name}-${o.value}`} name={props.name} value={o.value} checked={o.value === props.value} />
          <label class="utrecht-form-label utrecht-form-label--radio" for={`${props.name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** Lists every problem at the top of the form, each linking to its field. */
export function ErrorSummary({ ctx, problems }: { ctx: PageContext; problems: Problems }) {
  const entries = Object.entries(problems);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <Heading level={2}>{ctx.t('pf.form.problems')}</Heading>
        <ul class="utrecht-unordered-list">
          {entries.map(([name, key]) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`#${name}`}>
                {ctx.t(key)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Form({ action, children }: { action: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} class="ks-form" noValidate>
      {children}
    </form>
  );
}
