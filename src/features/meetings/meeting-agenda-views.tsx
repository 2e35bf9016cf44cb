// A meeting's agenda: its items in order with their kind, notes, linked projects, documents and
// uploaded files; for the secretary, moving items, adding documents and adding an item.
import { Disclosure, Heading, Link, Prose, SelectField, SubmitButton, Text, TextField } from '../../web/components.tsx';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import { Attachments, type AttachmentData } from '../files/views.tsx';
import type { MeetingDetail } from './queries.ts';
import { AgendaItemInput, DocumentInput, WithdrawInput } from './schema.ts';
import { AGENDA_ITEM_KINDS } from './tables.ts';
import { amsterdamDate, base, label, MEETING_SECTIONS, type SectionProps } from './views.tsx';

type ItemRow = MeetingDetail['items'][number];

export function AgendaSection(props: SectionProps & { files?: Map<string, AttachmentData> }) {
  const { ctx, detail, path, canPrepare, state, frozen } = props;
  const { t } = ctx;
  const typedProjects = state?.form === 'item' ? state.values.projects : undefined;
  return (
    <>
      <Heading level={2} id={MEETING_SECTIONS.agenda}>
        {t('meetings.agenda.title')}
      </Heading>
      {detail.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.agenda.none')}</p>
      ) : (
        <ol class="utrecht-ordered-list ks-agenda">
          {detail.items.map((row, index) => (
            <li class="utrecht-ordered-list__item">
              <AgendaItem {...props} row={row} />
              <Attachments ctx={ctx} data={props.files?.get(row.item.id) ?? null} title={t('files.documents')} level={3} />
              {canPrepare && !frozen && !row.item.withdrawnAt && <ItemTools {...props} row={row} first={index === 0} last={index === detail.items.length - 1} />}
              <ErrorSummary ctx={ctx} state={state} form={`withdraw-item-${row.item.id}`} />
            </li>
          ))}
        </ol>
      )}
      {canPrepare && !frozen && (
        <Disclosure id="add-item" summary={t('meetings.agenda.add')} open={state?.form === 'item'}>
          <ErrorSummary ctx={ctx} state={state} form="item" />
          <PostForm ctx={ctx} action={`${path}/items`} label={t('meetings.agenda.add')} id="item">
            <BilingualField ctx={ctx} schema={AgendaItemInput} state={state} form="item" name="title" label={t('meetings.agenda.itemTitle')} required />
            <SelectField
              {...fieldProps(ctx, AgendaItemInput, state, 'item', 'kind')}
              label={t('meetings.agenda.kind')}
              options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
            />
            <BilingualField ctx={ctx} schema={AgendaItemInput} state={state} form="item" name="notes" label={t('meetings.agenda.notes')} multiline />
            <SelectField
              {...fieldProps(ctx, AgendaItemInput, state, 'item', 'projects')}
              value={Array.isArray(typedProjects) ? (typedProjects as string[]) : typeof typedProjects === 'string' ? typedProjects : undefined}
              multiple
              label={t('meetings.agenda.projects')}
              options={detail.projects.map((p) => ({ value: p.code, label: `${p.code}. ${label(p.title, ctx)}` }))}
            />
            <SubmitButton>{t('meetings.agenda.add')}</SubmitButton>
          </PostForm>
        </Disclosure>
      )}
    </>
  );
}

function AgendaItem({ ctx, row }: SectionProps & { row: ItemRow }) {
  const { t, locale } = ctx;
  return (
    <>
      <strong>
        <Text value={row.item.title} locale={locale} />
      </strong>{' '}
      <span class="ks-muted">({t(`meetings.kind.${row.item.kind}`)})</span>
      {row.item.withdrawnAt && (
        <>
          {' '}
          <strong>{t('meetings.agenda.withdrawn')}</strong>
        </>
      )}
      <Prose value={row.item.notes} locale={locale} />
      {row.proposal && row.preparedInId && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base(ctx)}/meetings/${row.preparedInId}`}>
            {t('meetings.agenda.preparedIn', { date: amsterdamDate(ctx, row.preparedInStartsAt!) })}
          </a>
        </p>
      )}
      {row.proposal && <Prose value={row.proposal.text} locale={locale} />}
      {row.projects.length > 0 && (
        <p class="utrecht-paragraph">
          {t('meetings.agenda.projects')}:{' '}
          {row.projects.map((p, i) => (
            <>
              {i > 0 && ', '}
              <Link ctx={ctx} to={`/${ctx.programme!.slug}/projects/${p.code}`}>
                {p.code}. <Text value={p.title} locale={locale} />
              </Link>
            </>
          ))}
        </p>
      )}
      {row.documents.length > 0 && (
        <ul class="utrecht-unordered-list" aria-label={t('meetings.agenda.documents')}>
          {row.documents.map((doc) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={doc.url} rel="noopener">
                <Text value={doc.title} locale={locale} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Changing, withdrawing and moving an item, and adding a document to it. */
function ItemTools({ ctx, path, state, row, first, last }: SectionProps & { row: ItemRow; first: boolean; last: boolean }) {
  const { t } = ctx;
  const title = label(row.item.title, ctx);
  const itemPath = `${path}/items/${row.item.id}`;
  const form = `doc-${row.item.id}`;
  const withdraw = `withdraw-item-${row.item.id}`;
  return (
    <div class="ks-item-tools">
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${itemPath}/edit`}>
          {t('meetings.agenda.edit', { title })}
        </a>
      </p>
      <details open={state?.form === withdraw}>
        <summary>{t('meetings.agenda.withdraw', { title })}</summary>
        <PostForm ctx={ctx} action={`${itemPath}/withdraw`} label={t('meetings.agenda.withdraw', { title })} id={withdraw}>
          <TextField {...fieldProps(ctx, WithdrawInput, state, withdraw, 'reason')} label={t('meetings.agenda.withdrawReason')} />
          <SubmitButton secondary>{t('meetings.agenda.withdraw', { title })}</SubmitButton>
        </PostForm>
      </details>
      {!first && (
        <PostForm ctx={ctx} action={`${itemPath}/move`} label={t('meetings.agenda.up', { title })}>
          <input type="hidden" name="direction" value="up" />
          <SubmitButton secondary>{t('meetings.agenda.up', { title })}</SubmitButton>
        </PostForm>
      )}
      {!last && (
        <PostForm ctx={ctx} action={`${itemPath}/move`} label={t('meetings.agenda.down', { title })}>
          <input type="hidden" name="direction" value="down" />
          <SubmitButton secondary>{t('meetings.agenda.down', { title })}</SubmitButton>
        </PostForm>
      )}
      <details open={state?.form === form}>
        <summary>{t('meetings.agenda.addDocument', { title })}</summary>
        <PostForm ctx={ctx} action={`${itemPath}/documents`} label={t('meetings.agenda.addDocument', { title })} id={form}>
          <ErrorSummary ctx={ctx} state={state} form={form} />
          <BilingualField ctx={ctx} schema={DocumentInput} state={state} form={form} name="docTitle" label={t('meetings.agenda.docTitle')} required />
          <TextField {...fieldProps(ctx, DocumentInput, state, form, 'url')} type="url" label={t('meetings.agenda.docUrl')} />
          <SubmitButton secondary>{t('meetings.save')}</SubmitButton>
        </PostForm>
      </details>
    </div>
  );
}
