// The pieces every fund page shares: names, breadcrumbs, money and hours with their FTE, tables
// of balances, and the hidden idempotency key of a form.
import type { ComponentChildren } from 'preact';
import { resolveText, type Locale, type LocalizedText } from '../../domain/localized.ts';
import { available, type Amounts, type Balance } from '../../domain/ledger.ts';
import { formatCents, formatFte, formatHours } from '../../domain/money.ts';
import { toAmsterdam } from '../../domain/meeting-time.ts';
import { TableScroll } from '../../web/components.tsx';
import type { PageContext } from '../../web/context.ts';
import { typedValue, type FormState } from '../../web/forms.ts';
import { formatDate } from '../../web/i18n.ts';
import type { FundRow } from './queries.ts';

export type Row<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

export const name = (value: LocalizedText | null | undefined, locale: Locale) => resolveText(value, locale).text;

export function fundName(ctx: PageContext, row: Pick<FundRow, 'fund' | 'party'>): string {
  if (row.fund.kind === 'joint') return name(row.fund.name, ctx.locale) || ctx.t('fund.kind.joint');
  return `${name(row.fund.name, ctx.locale)} (${ctx.t('fund.kind.earmarked', { party: name(row.party?.name, ctx.locale) })})`;
}

/** The fund's pages, without the language prefix. */
export function base(ctx: PageContext) {
  return `/${ctx.programme!.slug}/fund`;
}

export function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [
    { label: name(ctx.programme!.name, ctx.locale), href: `/${ctx.locale}/${ctx.programme!.slug}` },
    { label: ctx.t('fund.title'), href: `/${ctx.locale}${base(ctx)}` },
    ...rest,
  ];
}

export function Hours({ ctx, hours, perFte }: { ctx: PageContext; hours: number; perFte: number }) {
  return <>{ctx.t('fund.hoursFte', { hours: formatHours(ctx.locale, hours), fte: formatFte(ctx.locale, hours, perFte) })}</>;
}

export function Table({ caption, head, children }: { caption: string; head: string[]; children: ComponentChildren }) {
  return (
    <TableScroll label={caption}>
      <table class="utrecht-table ks-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {head.map((h) => (
              <th class="utrecht-table__header-cell" scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </TableScroll>
  );
}


export const td = (children: ComponentChildren, numeric = false) => <td class={`utrecht-table__cell${numeric ? ' utrecht-table__cell--numeric' : ''}`}>{children}</td>;

export function balanceHead(ctx: PageContext, first: string) {
  const { t } = ctx;
  return [first, t('fund.col.contributed'), t('fund.col.committed'), t('fund.col.paid'), t('fund.col.available')];
}

/** Money with the hours (and their FTE) below it, when there are hours. */
export function AmountCell({ ctx, amounts, perFte }: { ctx: PageContext; amounts: Amounts; perFte: number }) {
  return td(
    <>
      {formatCents(ctx.locale, amounts.cents)}
      {amounts.hours !== 0 && (
        <>
          <br />
          <span class="ks-muted">
            <Hours ctx={ctx} hours={amounts.hours} perFte={perFte} />
          </span>
        </>
      )}
    </>,
    true,
  );
}

export function BalanceCells({ ctx, balance, perFte }: { ctx: PageContext; balance: Balance; perFte: number }) {
  return (
    <>
      {[balance.contributed, balance.committed, balance.paid, available(balance)].map((amounts) => (
        <AmountCell ctx={ctx} amounts={amounts} perFte={perFte} />
      ))}
    </>
  );
}

/** A meeting's calendar day in Amsterdam, written out. */
export const meetingDate = (locale: Locale, startsAt: Date) => formatDate(locale, toAmsterdam(startsAt).date);

/** The first `max` characters of a text on one line, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The form's idempotency key: the one it was sent with after a refusal, else a fresh one. */
export function IdempotencyKey({ state, form, fresh }: { state?: FormState; form: string; fresh: string }) {
  return <input type="hidden" name="idem" value={typedValue(state, form, 'idem', fresh)} />;
}
