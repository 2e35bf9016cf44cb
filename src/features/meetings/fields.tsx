// Form fields for the meeting and annual agenda forms, in NL Design System markup, each with its
// label, error message (linked with aria-describedby) and the value the user typed.
import type { ComponentChildren } from 'preact';
import { TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import type { FieldErrors } from './forms.ts';

export interface FormState {
  /** Which form on the page the state belongs to. */
  form: string;
  errors: FieldErrors;
  values: Record<string, unknown>;
}

export function valueOf(state: FormState | undefined, form: string, name: string): string {
  if (!state || state.form !== form) return '';
  const value = state.values[name];
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

export function errorOf(ctx: PageContext, state: FormState | undefined, form: string, name: string): string | undefined {
  if (!state || state.form !== form) return undefined;
  const key = state.errors[name];
  return key ? ctx.t(key) : undefined;
}

export function ErrorSummary({ ctx, state, form }: { ctx: PageContext; state: FormState | undefined; form: string }) {
  if (!state || state.form !== form || Object.keys(state.errors).length === 0) return null;
  return (
    <div class="utrecht-alert utrecht-alert--error" role="alert">
      <div class="utrecht-alert__content">
        <p class="utrecht-paragraph">{ctx.t('meetings.error.summary')}</p>
      </div>
    </div>
  );
}

/** A text field in both languages: `name_nl` and `name_en`. */
export function BilingualField(props: { ctx: PageContext; state?: FormState; form: string; name: string; label: string; multiline?: boolean; required?: boolean }) {
  const { ctx, state, form, name, label } = props;
  return (
    <>
      {(['nl', 'en'] as const).map((lang) => {
        const fieldName = `${name}_${lang}`;
        const id = `${form}-${fieldName}`;
        const fieldLabel = ctx.t(lang === 'nl' ? 'meetings.field.nl' : 'meetings.field.en', { label });
        const error = errorOf(ctx, state, form, fieldName);
        if (!props.multiline) {
          return <TextField id={id} name={fieldName} label={fieldLabel} value={valueOf(state, form, fieldName)} error={error} />;
        }
        return (
          <TextArea id={id} name={fieldName} label={fieldLabel} value={valueOf(state, form, fieldName)} error={error} lang={lang} />
        );
      })}
    </>
  );
}

export function TextArea(props: { id: string; name: string; label: string; value: string; error?: string; lang?: string }) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      {props.error && (
        <div class="utrecht-form-field-error-message ks-error" id={errorId}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <textarea
          class="utrecht-textarea utrecht-textarea--html-textarea"
          id={props.id}
          name={props.name}
          rows={5}
          lang={props.lang}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={errorId}
        >
          {props.value}
        </textarea>
      </div>
    </div>
  );
}

export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | string[];
  error?: string;
  multiple?: boolean;
}) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  const selected = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={props.id}>
          {props.label}
        </label>
      </div>
      {props.error && (
        <div class="utrecht-form-field-error-message ks-error" id={errorId}>
          {props.error}
        </div>
      )}
      <div class="utrecht-form-field__input">
        <select
          class="utrecht-select utrecht-select--html-select"
          id={props.id}
          name={props.name}
          multiple={props.multiple}
          size={props.multiple ? 6 : undefined}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={errorId}
        >
          {props.options.map((option) => (
            <option value={option.value} selected={selected.has(option.value)}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A POST form with the CSRF token; `label` names it for assistive technology. */
export function PostForm({ ctx, action, label, children }: { ctx: PageContext; action: string; label: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} aria-label={label} class="ks-form">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      {children}
    </form>
  );
}
