// The body's action list as this meeting sees it (carried from meeting to meeting until done); for
// the secretary, marking an action done here and adding one.
import { Heading, SubmitButton, Text, TextField, TableScroll } from '../../web/components.tsx';
import { BilingualField, ErrorSummary, fieldProps, PostForm } from '../../web/form-components.tsx';
import { formatDate } from '../../web/i18n.ts';
import { ActionInput } from './schema.ts';
import { amsterdamDate, label, type SectionProps } from './views.tsx';

export function ActionsSection({ ctx, detail, path, canPrepare, state }: SectionProps) {
  const { t, locale } = ctx;
  return (
    <>
      <Heading level={2}>{t('meetings.actions.title')}</Heading>
      {detail.actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.actions.none')}</p>
      ) : (
        <TableScroll label={t('meetings.actions.title')}>
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('meetings.actions.title')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.description')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.owner')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.due')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.raised')}</th>
                <th class="utrecht-table__header-cell" scope="col">{t('meetings.actions.state')}</th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {detail.actions.map((row) => (
                <tr class="utrecht-table__row">
                  <td class="utrecht-table__cell">
                    <Text value={row.action.description} locale={locale} />
                  </td>
                  <td class="utrecht-table__cell">{row.action.owner}</td>
                  <td class="utrecht-table__cell">{formatDate(locale, row.action.dueOn)}</td>
                  <td class="utrecht-table__cell">{amsterdamDate(ctx, row.raisedAt)}</td>
                  <td class="utrecht-table__cell">
                    {row.action.state === 'done' ? t('meetings.actions.done') : t('meetings.actions.open')}
                    {canPrepare && row.action.state === 'open' && (
                      <PostForm ctx={ctx} action={`${path}/actions/${row.action.id}/done`} label={t('meetings.actions.markDone', { description: label(row.action.description, ctx) })}>
                        <SubmitButton secondary>{t('meetings.actions.markDone', { description: label(row.action.description, ctx) })}</SubmitButton>
                      </PostForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canPrepare && (
        <section aria-labelledby="add-action">
          <Heading level={3} id="add-action">
            {t('meetings.actions.add')}
          </Heading>
          <ErrorSummary ctx={ctx} state={state} form="action" />
          <PostForm ctx={ctx} action={`${path}/actions`} label={t('meetings.actions.add')} id="action">
            <BilingualField ctx={ctx} schema={ActionInput} state={state} form="action" name="description" label={t('meetings.actions.description')} required />
            <TextField {...fieldProps(ctx, ActionInput, state, 'action', 'owner')} label={t('meetings.actions.owner')} />
            <TextField {...fieldProps(ctx, ActionInput, state, 'action', 'dueOn')} type="date" label={t('meetings.actions.due')} />
            <SubmitButton>{t('meetings.actions.add')}</SubmitButton>
          </PostForm>
        </section>
      )}
    </>
  );
}
