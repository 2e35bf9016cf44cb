// Form state for the meeting and annual agenda forms (which form on the page failed, its errors and
// what the user typed) and a field in both languages, built on the shared fields of
// src/web/components.tsx.
import type { ComponentChildren } from 'preact';
import { TextArea, TextField } from '../../web/components.tsx';
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
          <TextArea id={id} name={fieldName} label={fieldLabel} value={valueOf(state, form, fieldName)} error={error} lang={lang} rows={5} />
        );
      })}
    </>
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
