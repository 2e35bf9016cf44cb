// The form pieces every capability's views share, drawn from an input's declaration
// (src/web/forms.ts): a POST form with its CSRF token, an error summary that links to each field,
// fields whose limits and problems come from the declaration and the refused form's state, a text
// in both languages, checkboxes and radio groups. One way to draw a form.
import type { ComponentChildren } from 'preact';
import type { TSchema } from 'typebox';
import type { Locale, LocalizedText } from '../domain/localized.ts';
import { Heading, TextArea, TextField, type CounterText } from './components.tsx';
import type { PageContext } from './context.ts';
import { FORM_ERROR, limitsOf, typedValue, type FieldError, type FormState } from './forms.ts';

/** A problem's message in the reader's language. */
export function errorText(ctx: PageContext, error: FieldError | undefined): string | undefined {
  return error ? ctx.t(error.key, error.values) : undefined;
}

/** The problem of one field of one form on the page, in the reader's language. */
export function errorOf(ctx: PageContext, state: FormState | undefined, form: string, name: string): string | undefined {
  if (!state || state.form !== form) return undefined;
  return errorText(ctx, state.errors[name]);
}

/**
 * Everything a TextField or TextArea needs for field `name` of `form`: its id, the value to show
 * (typed after a refusal, else stored), its problem and its limits from the declaration.
 */
export function fieldProps(ctx: PageContext, schema: TSchema, state: FormState | undefined, form: string, name: string, stored = '') {
  const limits = limitsOf(schema, name);
  const long = limits.maxLength !== undefined && limits.maxLength >= LONG_FIELD;
  return {
    // A long field says how much fits before anyone types it (the short ones carry maxlength only).
    limitHint: long ? ctx.t('form.limit', { max: limits.maxLength }) : undefined,
    // ... and, with JavaScript, counts as they type: the words in the reader's language, from here.
    counter: long ? counterText(ctx, limits.maxLength!) : undefined,
    id: `${form}-${name}`,
    name,
    value: typedValue(state, form, name, stored),
    error: errorOf(ctx, state, form, name),
    maxLength: limits.maxLength,
    required: limits.required,
  };
}

/** The live character count's words; {count} and {over} are filled in by public/enhance.js. */
export function counterText(ctx: PageContext, max: number): CounterText {
  return { max, text: ctx.t('form.counter', { count: '{count}', max }), over: ctx.t('form.counter.over', { count: '{count}', over: '{over}', max }) };
}

/** From this many characters on, a field states its limit in words under its label. */
export const LONG_FIELD = 1000;

/** A POST form with the CSRF token; `label` names it for assistive technology. */
export function PostForm(props: { ctx: PageContext; action: string; label: string; id?: string; children: ComponentChildren; multipart?: boolean }) {
  return (
    <form
      method="post"
      action={props.action}
      aria-label={props.label}
      id={props.id}
      class="ks-form"
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      noValidate
    >
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      {props.children}
    </form>
  );
}

/** Lists every problem of the refused form at its top, each linking to its field (a problem of the whole form as text). */
export function ErrorSummary({ ctx, state, form, labels = {} }: { ctx: PageContext; state: FormState | undefined; form: string; labels?: Record<string, string> }) {
  if (!state || state.form !== form) return null;
  const entries = Object.entries(state.errors);
  if (entries.length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">{ctx.t('form.error.summary')}</p>
        <ul class="utrecht-unordered-list">
          {entries.map(([name, error]) => (
            <li class="utrecht-unordered-list__item">
              {name === FORM_ERROR ? (
                errorText(ctx, error)
              ) : (
                <a class="utrecht-link" href={`#${form}-${name}`}>
                  {labels[name] ? `${labels[name]}: ` : ''}
                  {errorText(ctx, error)}
                </a>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A text in Dutch and English (`<name>_nl`, `<name>_en`), one fieldset, limits from the declaration. */
export function BilingualField(props: {
  ctx: PageContext;
  schema: TSchema;
  state?: FormState;
  form: string;
  name: string;
  label: string;
  stored?: LocalizedText | null;
  multiline?: boolean;
  required?: boolean;
  description?: string;
  rows?: number;
  /** The language whose text is behind the other (src/domain/translation.ts), marked as such. */
  staleLanguage?: Locale;
}) {
  const { ctx, schema, state, form, name, label } = props;
  const descriptionId = props.description ? `${form}-${name}-description` : undefined;
  const Field = props.multiline ? TextArea : TextField;
  return (
    <fieldset class="utrecht-form-fieldset ks-bilingual" aria-describedby={descriptionId}>
      <legend class="utrecht-form-fieldset__legend">
        {label}
        {props.required ? ` (${ctx.t('form.required')})` : ''}
      </legend>
      {props.description && (
        <p class="utrecht-form-field-description" id={descriptionId}>
          {props.description}
        </p>
      )}
      {(['nl', 'en'] as const).map((lang) => {
        const field = fieldProps(ctx, schema, state, form, `${name}_${lang}`, props.stored?.[lang] ?? '');
        const stale = props.staleLanguage === lang ? { description: ctx.t('form.translationStale') } : {};
        return <Field {...field} {...stale} required={false} label={ctx.t(lang === 'nl' ? 'form.inDutch' : 'form.inEnglish')} lang={lang} {...(props.multiline ? { rows: props.rows ?? 5 } : {})} />;
      })}
    </fieldset>
  );
}

export function Checkbox({ id, name, label, checked, value, description }: { id?: string; name: string; label: string; checked: boolean; value?: string; description?: string }) {
  const inputId = id ?? (value ? `${name}-${value}` : name);
  const descriptionId = description ? `${inputId}-description` : undefined;
  return (
    <div class="utrecht-form-field utrecht-form-field--checkbox">
      <div class="utrecht-form-field__input">
        <input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" id={inputId} name={name} value={value ?? 'on'} checked={checked} aria-describedby={descriptionId} />
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={inputId}>
          {label}
        </label>
      </div>
      {description && (
        <div class="utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
    </div>
  );
}

export function RadioGroup(props: { id?: string; name: string; legend: string; value: string; options: { value: string; label: string }[]; error?: string }) {
  const id = props.id ?? props.name;
  return (
    <fieldset class="utrecht-form-fieldset" id={id} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend class="utrecht-form-fieldset__legend">{props.legend}</legend>
      {props.error && (
        <div class="utrecht-form-field-error-message ks-error" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      {props.options.map((o) => (
        <div class="utrecht-form-field utrecht-form-field--radio">
          <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id={`${id}-${o.value}`} name={props.name} value={o.value} checked={o.value === props.value} />
          <label class="utrecht-form-label utrecht-form-label--radio" for={`${id}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A section heading for a group of fields. */
export function FormSection({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="ks-form-section">
      <Heading level={3}>{title}</Heading>
      {children}
    </section>
  );
}
