// File lists, the upload form and the programme logo, rendered inside other features' pages
// (project page, meeting agenda items, theme editor, page header) and on the upload page itself.
import type { ComponentChildren } from 'preact';
import { resolveText } from '../../domain/localized.ts';
import { CsrfField, FileField, Heading, SubmitButton, TextField } from '../../web/components.tsx';
import { localePath, type PageContext } from '../../web/context.ts';
import { Checkbox, ErrorSummary, errorOf, fieldProps, PostForm } from '../../web/form-components.tsx';
import type { FormState } from '../../web/forms.ts';
import { Layout } from '../../web/layout.tsx';
import { FILE_KINDS, type FileKind } from './content.ts';
import type { FileRecord } from './queries.ts';
import type { FileOwner } from './registry.ts';
import { UploadInput } from './schema.ts';

/** One record's files and what the reader may do with them, as loaded by `attachmentsOf`. */
export interface AttachmentData {
  owner: FileOwner;
  ownerId: string;
  files: FileRecord[];
  canWrite: boolean;
  canPublish: boolean;
  maxBytes: number;
}

const filesBase = (ctx: PageContext) => localePath(ctx.locale, `/${ctx.programme!.slug}/files`);
export const fileUrl = (ctx: PageContext, fileId: string) => `${filesBase(ctx)}/${fileId}`;
const acceptOf = (kinds: readonly FileKind[]) => kinds.flatMap((k) => FILE_KINDS[k].extensions.map((e) => `.${e}`)).join(',');
const allowedOf = (kinds: readonly FileKind[]) => kinds.flatMap((k) => FILE_KINDS[k].extensions).join(', ');
const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

function SmallForm({ ctx, action, label, children }: { ctx: PageContext; action: string; label: string; children: ComponentChildren }) {
  return (
    <form method="post" action={action} aria-label={label} class="ks-inline-form">
      <CsrfField ctx={ctx} />
      {children}
    </form>
  );
}

export function FileList({ ctx, data }: { ctx: PageContext; data: AttachmentData }) {
  const { t } = ctx;
  if (data.files.length === 0) return <p class="utrecht-paragraph ks-muted">{t('files.none')}</p>;
  return (
    <ul class="utrecht-unordered-list ks-files">
      {data.files.map((file) => (
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={fileUrl(ctx, file.id)} download={file.name}>
            {file.name}
          </a>{' '}
          <span class="ks-muted">
            ({t('files.size', { size: Math.max(1, Math.round(file.size / 1024)) })}
            {data.canPublish && `, ${file.isPublic ? t('files.public') : t('files.internal')}`})
          </span>
          {data.canPublish && (
            <SmallForm ctx={ctx} action={`${filesBase(ctx)}/${file.id}/visibility`} label={t(file.isPublic ? 'files.makeInternal' : 'files.makePublic', { name: file.name })}>
              <input type="hidden" name="public" value={file.isPublic ? 'no' : 'yes'} />
              <SubmitButton secondary>{t(file.isPublic ? 'files.makeInternal' : 'files.makePublic', { name: file.name })}</SubmitButton>
            </SmallForm>
          )}
          {data.canWrite && (
            <SmallForm ctx={ctx} action={`${filesBase(ctx)}/${file.id}/delete`} label={t('files.delete', { name: file.name })}>
              <SubmitButton secondary>{t('files.delete', { name: file.name })}</SubmitButton>
            </SmallForm>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The upload form of one record: its id on the page, and the prefix of its fields' ids. */
export const uploadFormId = (ownerId: string) => `upload-${ownerId}`;

export function UploadForm({ ctx, data, state, label }: { ctx: PageContext; data: AttachmentData; state?: FormState; label: string }) {
  const { t } = ctx;
  const form = uploadFormId(data.ownerId);
  return (
    <PostForm ctx={ctx} multipart id={form} action={`${filesBase(ctx)}/upload/${data.owner.kind}/${data.ownerId}`} label={label}>
      <FileField
        id={`${form}-file`}
        name="file"
        label={t('files.upload.file')}
        accept={acceptOf(data.owner.accept)}
        description={t('files.upload.help', { allowed: allowedOf(data.owner.accept), max: megabytes(data.maxBytes) })}
        error={errorOf(ctx, state, form, 'file')}
        required
      />
      {data.owner.altRequired &&
        (['nl', 'en'] as const).map((locale) => (
          <TextField {...fieldProps(ctx, UploadInput, state, form, `alt_${locale}`)} lang={locale} label={t(`files.alt_${locale}`)} description={t('files.alt.help')} required />
        ))}
      {data.canPublish && <Checkbox id={`${form}-public`} name="public" value="yes" label={t('files.upload.public')} checked={state?.form === form && state.values.public === 'yes'} />}
      <SubmitButton secondary>{t('files.upload.submit')}</SubmitButton>
    </PostForm>
  );
}

/** A record's files with the upload form for those who may add one (project page, agenda item). */
export function Attachments({ ctx, data, title, level = 2 }: { ctx: PageContext; data: AttachmentData | null; title: string; level?: 2 | 3 | 4 }) {
  if (!data || (data.files.length === 0 && !data.canWrite)) return null;
  const headingId = `files-${data.ownerId}`;
  return (
    <section class="ks-attachments" aria-labelledby={headingId}>
      <Heading level={level} id={headingId}>
        {title}
      </Heading>
      <FileList ctx={ctx} data={data} />
      {data.canWrite && (
        <details>
          <summary>{ctx.t('files.upload.submit')}</summary>
          <UploadForm ctx={ctx} data={data} label={`${title}: ${ctx.t('files.upload.submit')}`} />
        </details>
      )}
    </section>
  );
}

/** The upload page: the form again with what was wrong, and the record's files. */
export function UploadPage({ ctx, data, title, returnTo, state }: { ctx: PageContext; data: AttachmentData; title: string; returnTo: string; state?: FormState }) {
  const { t } = ctx;
  const heading = t('files.upload.title', { title });
  return (
    <Layout ctx={ctx} title={heading} indexable={false} crumbs={[{ label: title, href: localePath(ctx.locale, returnTo) }, { label: heading }]}>
      <Heading level={1}>{heading}</Heading>
      <ErrorSummary ctx={ctx} state={state} form={uploadFormId(data.ownerId)} />
      <UploadForm ctx={ctx} data={data} state={state} label={heading} />
      <Heading level={2}>{t(data.owner.altRequired ? 'files.logo.current' : 'files.attachments')}</Heading>
      <FileList ctx={ctx} data={data} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={localePath(ctx.locale, returnTo)}>
          {t('files.upload.back', { title })}
        </a>
      </p>
    </Layout>
  );
}

/** The programme's logo for the page header; nothing when it has none. */
export function ProgrammeLogo({ ctx }: { ctx: PageContext }) {
  const logo = ctx.programme?.logo;
  if (!logo) return null;
  return <img class="ks-logo" src={fileUrl(ctx, logo.fileId)} alt={resolveText(logo.alt, ctx.locale).text} height={48} />;
}

/** The logo part of the theme editor: the current logo, delete, and the upload form. */
export function LogoSection({ ctx, data }: { ctx: PageContext; data: AttachmentData | null }) {
  const { t } = ctx;
  if (!data) return null;
  const current = data.files[0];
  return (
    <section aria-labelledby="logo-heading">
      <Heading level={2} id="logo-heading">
        {t('files.logo.title')}
      </Heading>
      {current ? (
        <>
          <p class="utrecht-paragraph">
            <img class="ks-logo" src={fileUrl(ctx, current.id)} alt={resolveText(current.alt, ctx.locale).text} height={48} />
          </p>
          <SmallForm ctx={ctx} action={`${filesBase(ctx)}/${current.id}/delete`} label={t('files.logo.delete')}>
            <SubmitButton secondary>{t('files.logo.delete')}</SubmitButton>
          </SmallForm>
        </>
      ) : (
        <p class="utrecht-paragraph">{t('files.logo.none')}</p>
      )}
      <UploadForm ctx={ctx} data={data} label={t('files.logo.upload')} />
    </section>
  );
}
