// Small building blocks in NL Design System markup, shared by every capability's views.
import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../domain/localized.ts';
import { textBlocks } from '../domain/plain-text.ts';
import type { PageContext } from './context.ts';
import { localePath } from './context.ts';

/** A label that says what something is (NL Design System data badge): "example", "translation out of date". */
export function Badge({ children, class: extra }: { children: ComponentChildren; class?: string }) {
  return <span class={`utrecht-data-badge ks-badge${extra ? ` ${extra}` : ''}`}>{children}</span>;
}

/** Marks default data that does not come from the agreement's text (flagged `example` in the data). */
export function ExampleBadge({ ctx }: { ctx: PageContext }) {
  return <Badge class="ks-example">{ctx.t('common.example')}</Badge>;
}

/**
 * The facts about a record (NL Design System data list): each term with its value, grouped in an
 * item (a `div` in the `dl`, as HTML allows), a column of terms beside their values on a wide screen.
 */
export function DataList({ children }: { children: ComponentChildren }) {
  return <dl class="utrecht-data-list utrecht-data-list--html-dl ks-facts">{children}</dl>;
}

export function DataItem({ label, id, children }: { label: ComponentChildren; id?: string; children: ComponentChildren }) {
  return (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{label}</dt>
      <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" id={id}>
        {children}
      </dd>
    </div>
  );
}

/** The same mark on a record's own page, with what it means. */
export function ExampleNote({ ctx }: { ctx: PageContext }) {
  return (
    <p class="utrecht-paragraph ks-example-note">
      <ExampleBadge ctx={ctx} /> {ctx.t('common.example.note')}
    </p>
  );
}

/** A content text in the reader's language; a fallback is marked with its own `lang`. */
export function Text({ value, locale, as = 'span' }: { value: LocalizedText | null | undefined; locale: Locale; as?: 'span' | 'p' | 'div' }) {
  const resolved = resolveText(value, locale);
  const Tag = as;
  const className = as === 'p' ? 'utrecht-paragraph' : undefined;
  if (!resolved.fallback) return <Tag class={className}>{resolved.text}</Tag>;
  return (
    <Tag class={[className, 'ks-fallback'].filter(Boolean).join(' ')} lang={resolved.lang}>
      {resolved.text}
    </Tag>
  );
}

/** Multi-paragraph content: blank lines separate paragraphs, lines starting with "- " are list items. */
export function Prose({ value, locale }: { value: LocalizedText | null | undefined; locale: Locale }) {
  const resolved = resolveText(value, locale);
  if (!resolved.text) return null;
  const blocks = resolved.text.split(/\n\s*\n/);
  return (
    <div lang={resolved.fallback ? resolved.lang : undefined} class={resolved.fallback ? 'ks-fallback' : undefined}>
      {blocks.map((block) => {
        const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
        if (lines.length > 0 && lines.every((line) => line.startsWith('- '))) {
          return (
            <ul class="utrecht-unordered-list">
              {lines.map((line) => (
                <li class="utrecht-unordered-list__item">{line.slice(2)}</li>
              ))}
            </ul>
          );
        }
        return <p class="utrecht-paragraph">{lines.join(' ')}</p>;
      })}
    </div>
  );
}

/**
 * Text typed with its own shape (minutes, notes): paragraphs keep their line breaks, lines starting
 * with "- " or "* " are a bulleted list, "1. " a numbered one (src/domain/plain-text.ts). Every line
 * is escaped as text: nothing typed becomes markup.
 */
export function PlainText({ value, locale }: { value: LocalizedText | null | undefined; locale: Locale }) {
  const resolved = resolveText(value, locale);
  if (!resolved.text) return null;
  return (
    <div lang={resolved.fallback ? resolved.lang : undefined} class={resolved.fallback ? 'ks-plain-text ks-fallback' : 'ks-plain-text'}>
      {textBlocks(resolved.text).map((block) => {
        if (block.kind === 'bullets') {
          return (
            <ul class="utrecht-unordered-list">
              {block.items.map((item) => (
                <li class="utrecht-unordered-list__item">{item}</li>
              ))}
            </ul>
          );
        }
        if (block.kind === 'numbered') {
          return (
            <ol class="utrecht-ordered-list" start={block.start === 1 ? undefined : block.start}>
              {block.items.map((item) => (
                <li class="utrecht-ordered-list__item">{item}</li>
              ))}
            </ol>
          );
        }
        return (
          <p class="utrecht-paragraph">
            {block.lines.map((line, index) => (
              <>
                {index > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        );
      })}
    </div>
  );
}

/** A form (or any tools) that opens on demand: a disclosure in NL Design System accordion styling, open when it holds a refused form. */
export function Disclosure({ id, summary, open, children }: { id: string; summary: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="utrecht-accordion__section ks-disclosure" id={id} open={open || undefined}>
      <summary class="ks-disclosure__summary">{summary}</summary>
      <div class="utrecht-accordion__panel ks-disclosure__panel">{children}</div>
    </details>
  );
}

export interface Crumb {
  label: string;
  href?: string;
  /** The label's language when it is not the page's (a fallback text). */
  lang?: string;
}

export function Breadcrumbs({ ctx, crumbs }: { ctx: PageContext; crumbs: Crumb[] }) {
  if (crumbs.length === 0) return null;
  return (
    <nav class="utrecht-breadcrumb-nav ks-crumbs" aria-label={ctx.t('layout.breadcrumbs')}>
      <ol class="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        {crumbs.map((crumb, index) => (
          <li class="utrecht-breadcrumb-nav__item">
            {crumb.href && index < crumbs.length - 1 ? (
              <a class={`utrecht-link utrecht-link--html-a utrecht-breadcrumb-nav__link${index === 0 ? ' utrecht-breadcrumb-nav__link--first' : ''}`} href={crumb.href} lang={crumb.lang}>
                {crumb.label}
              </a>
            ) : (
              <span class="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current" aria-current={index === crumbs.length - 1 ? 'page' : undefined} lang={crumb.lang}>
                {crumb.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function Link({ ctx, to, children, ...rest }: { ctx: PageContext; to: string; children: ComponentChildren; class?: string; rel?: string }) {
  return (
    <a class={rest.class ?? 'utrecht-link'} href={localePath(ctx.locale, to)} rel={rest.rel}>
      {children}
    </a>
  );
}

export function Heading({ level, children, id }: { level: 1 | 2 | 3 | 4; children: ComponentChildren; id?: string }) {
  const Tag = `h${level}` as 'h1';
  return (
    <Tag id={id} class={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

/**
 * A table that scrolls sideways inside its own region when it is wider than the screen (a phone),
 * instead of the page: the region is named and can be focused, so keyboard users can scroll it.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="ks-table-wrap" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}

export function Alert({ kind, children }: { kind: 'info' | 'ok' | 'warning' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">{children}</div>
    </div>
  );
}

export function CsrfField({ ctx }: { ctx: PageContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export interface FieldFrame {
  id: string;
  label: string;
  error?: string;
  description?: string;
  /** A long field's limit, stated under its label ("At most 100,000 characters."). */
  limitHint?: string;
  /** The live count's words for a long field (public/enhance.js fills in {count} and {over}). */
  counter?: CounterText;
}

export interface CounterText {
  max: number;
  text: string;
  over: string;
}

/** The data attributes the character count script reads from a long field. */
function counterData(counter: CounterText | undefined) {
  if (!counter) return {};
  return { 'data-counter': counter.text, 'data-counter-over': counter.over, 'data-counter-max': String(counter.max) };
}

/** The accessibility attributes of a control inside a `FormField`: invalid state and what describes it. */
export function fieldAria(field: FieldFrame): { 'aria-invalid'?: 'true'; 'aria-describedby'?: string } {
  const describedBy = [field.description ? `${field.id}-description` : '', field.limitHint ? `${field.id}-limit` : '', field.error ? `${field.id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': field.error ? 'true' : undefined, 'aria-describedby': describedBy || undefined };
}

/**
 * The one label / description / error frame around a form control (NL Design System form field).
 * The control inside uses `fieldAria(field)` so the description and error are read with it.
 */
export function FormField({ field, kind = 'text', children }: { field: FieldFrame; kind?: 'text' | 'textarea' | 'select' | 'file'; children: ComponentChildren }) {
  return (
    <div class={`utrecht-form-field utrecht-form-field--${kind}${field.error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={field.id}>
          {field.label}
        </label>
      </div>
      {field.description && (
        <div class="utrecht-form-field-description" id={`${field.id}-description`}>
          {field.description}
        </div>
      )}
      {field.limitHint && (
        <div class="utrecht-form-field-description ks-limit" id={`${field.id}-limit`}>
          {field.limitHint}
        </div>
      )}
      {field.error && (
        <div class="utrecht-form-field-error-message ks-error" id={`${field.id}-error`}>
          {field.error}
        </div>
      )}
      <div class="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField(props: FieldFrame & {
  /** Defaults to the id. */
  name?: string;
  value?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'number' | 'url' | 'time' | 'datetime-local';
  required?: boolean;
  autocomplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'url';
  lang?: string;
  /** The field's limit from its declaration (src/web/forms.ts LIMITS). */
  maxLength?: number;
}) {
  return (
    <FormField field={props}>
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${props.error ? ' utrecht-textbox--invalid' : ''}`}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        lang={props.lang}
        maxLength={props.maxLength}
        {...counterData(props.counter)}
        {...fieldAria(props)}
      />
    </FormField>
  );
}

export function TextArea(props: FieldFrame & { name?: string; value?: string; rows?: number; required?: boolean; lang?: string; maxLength?: number }) {
  return (
    <FormField field={props} kind="textarea">
      <textarea
        class={`utrecht-textarea utrecht-textarea--html-textarea${props.error ? ' utrecht-textarea--invalid' : ''}`}
        id={props.id}
        name={props.name ?? props.id}
        rows={props.rows ?? 4}
        required={props.required}
        lang={props.lang}
        maxLength={props.maxLength}
        {...counterData(props.counter)}
        {...fieldAria(props)}
      >
        {props.value ?? ''}
      </textarea>
    </FormField>
  );
}

/** A file input; its form needs method="post" and enctype="multipart/form-data". */
export function FileField(props: FieldFrame & { name?: string; accept?: string; required?: boolean }) {
  return (
    <FormField field={props} kind="file">
      <input class="ks-file-input" id={props.id} name={props.name ?? props.id} type="file" accept={props.accept} required={props.required} {...fieldAria(props)} />
    </FormField>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export function SelectField(props: FieldFrame & { name?: string; options: SelectOption[]; value?: string | string[] | null; multiple?: boolean; required?: boolean; empty?: string }) {
  const selected = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  // HTML allows `required` on a single select only when its first option is an empty placeholder; a
  // select whose first option is a real choice always has a value, and is announced as required instead.
  const placeholderFirst = props.empty !== undefined || props.options[0]?.value === '';
  const htmlRequired = props.required && (props.multiple || placeholderFirst);
  return (
    <FormField field={props} kind="select">
      <select
        class={`utrecht-select utrecht-select--html-select${props.error ? ' utrecht-select--invalid' : ''}`}
        id={props.id}
        name={props.name ?? props.id}
        multiple={props.multiple}
        size={props.multiple ? 6 : undefined}
        required={htmlRequired}
        aria-required={props.required && !htmlRequired ? 'true' : undefined}
        {...fieldAria(props)}
      >
        {props.empty !== undefined && <option value="">{props.empty}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={selected.has(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** A submit button; `name`/`value` tell a form made in steps which button was pressed. */
export function SubmitButton({ children, secondary, name, value }: { children: ComponentChildren; secondary?: boolean; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      class={`utrecht-button utrecht-button--html-button ${secondary ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
    >
      {children}
    </button>
  );
}
