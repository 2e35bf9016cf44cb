// Form controls in NL Design System markup for the portfolio's editing pages: a field in both
// languages, selects, checkboxes and an error summary that links to the fields.
import type { ComponentChildren } from 'preact';
import type { LocalizedText } from '../../domain/localized.ts';
import { Heading } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import type { Problems } from './forms.ts';

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <div class="utrecht-form-field-error-message ks-error" id={`${id}-error`}>
      {error}
    </div>
  );
}

export function TextInput(props: { id: string; label: string; value: string; error?: string; multiline?: boolean; lang?: string; type?: 'text' | 'date' | 'number'; required?: boolean; description?: string; inputmode?: string }) {
  const { id, label, value, error, multiline } = props;
  const describedBy = [props.description ? `${id}-description` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    lang: props.lang,
    required: props.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {props.description && (
        <div class="utrecht-form-field-description" id={`${id}-description`}>
          {props.description}
        </div>
      )}
      <FieldError id={id} error={error} />
      <div class="utrecht-form-field__input">
        {multiline ? (
          <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={4} {...common}>
            {value}
          </textarea>
        ) : (
          <input class="utrecht-textbox utrecht-textbox--html-input" type={props.type ?? 'text'} value={value} inputMode={props.inputmode as 'decimal' | undefined} {...common} />
        )}
      </div>
    </div>
  );
}

/** One content field in Dutch and English, side by side in a fieldset. */
export function LocalizedInput(props: { ctx: PageContext; name: string; label: string; value: LocalizedText; problems: Problems; multiline?: boolean; required?: boolean; description?: string }) {
  const { ctx, name, label, value, problems } = props;
  const error = problems[`${name}_nl`] ? ctx.t(problems[`${name}_nl`]!) : undefined;
  return (
    <fieldset class="utrecht-form-fieldset ks-bilingual">
      <legend class="utrecht-form-fieldset__legend">
        {label}
        {props.required ? ` (${ctx.t('pf.form.required')})` : ''}
      </legend>
      {props.description && <p class="utrecht-form-field-description">{props.description}</p>}
      <TextInput id={`${name}_nl`} label={ctx.t('pf.form.inDutch')} value={value.nl ?? ''} error={error} multiline={props.multiline} lang="nl" />
      <TextInput id={`${name}_en`} label={ctx.t('pf.form.inEnglish')} value={value.en ?? ''} multiline={props.multiline} lang="en" />
    </fieldset>
  );
}

export function SelectInput(props: { id: string; label: string; value: string | null; options: { value: string; label: string }[]; error?: string; empty?: string }) {
  const { id, label, value, options, error } = props;
  return (
    <div class={`utrecht-form-field utrecht-form-field--select${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      <FieldError id={id} error={error} />
      <div class="utrecht-form-field__input">
        <select class="utrecht-select utrecht-select--html-select" id={id} name={id} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          {props.empty !== undefined && <option value="">{props.empty}</option>}
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
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
      <FieldError id={props.name} error={props.error} />
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
