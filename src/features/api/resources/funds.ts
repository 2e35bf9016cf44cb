// Fund summaries: per fund (the joint fund and each party's earmark) what was contributed,
// committed, paid and is still available, with the same figures per year. The fund is internal,
// as on the pages: it needs a token of someone who sees the fund (coordinator, steering levels:
// every fund; partners: the joint funds and their own earmark; leads: the joint funds).
import { Type } from 'typebox';
import { available, type Balance } from '../../../domain/ledger.ts';
import { notFound } from '../../../web/http.ts';
import * as q from '../../fund/queries.ts';
import { visibleFunds } from '../../fund/route-parts.ts';
import { registerApiResource } from '../registry.ts';
import { LocalizedTextSchema, Nullable, PagingQuery, StringEnum, localized, pageEnvelope, pageOf, pagingOf, problems } from '../schemas.ts';
import { ProgrammeParams } from './programmes.ts';
import { OrganisationRefSchema, toOrganisationRef } from './shapes.ts';

const AmountsSchema = Type.Object({
  cents: Type.Integer({ description: 'Money in euro cents.' }),
  hours: Type.Integer({ description: 'Hours in kind.' }),
});

const BalanceSchema = {
  contributed: AmountsSchema,
  committed: AmountsSchema,
  paid: AmountsSchema,
  available: { ...AmountsSchema, description: 'Contributed minus committed: free to award.' },
};

const FundSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: StringEnum(['joint', 'earmarked'] as const),
  name: LocalizedTextSchema,
  party: Nullable(OrganisationRefSchema),
  ...BalanceSchema,
});

const FundDetailSchema = Type.Object({
  ...FundSchema.properties,
  years: Type.Array(Type.Object({ year: Type.Integer(), ...BalanceSchema }), { description: 'The same figures per budget year.' }),
});

const FundParams = Type.Object({ ...ProgrammeParams.properties, fundId: Type.String({ format: 'uuid' }) });

const amounts = (balance: Balance) => ({ contributed: balance.contributed, committed: balance.committed, paid: balance.paid, available: available(balance) });

function toFund(row: q.FundRow) {
  return { id: row.fund.id, kind: row.fund.kind, name: localized(row.fund.name), party: toOrganisationRef(row.party), ...amounts(row.balance) };
}

registerApiResource({
  name: 'funds',
  order: 80,
  tag: { name: 'Funds', description: 'Summaries of the joint fund and the parties\' earmarks (internal: a token is needed).' },
  register(api, { db }) {
    api.get(
      '/programmes/:programme/funds',
      {
        config: { action: 'fund.view' },
        schema: {
          tags: ['Funds'],
          operationId: 'listFunds',
          summary: 'List fund summaries',
          description: 'Per fund: contributed, committed, paid and available, in cents and hours. Coordinators and steering levels see every fund; partners the joint funds and their own earmark; leads the joint funds.',
          security: [{ bearerAuth: [] }],
          params: ProgrammeParams,
          querystring: Type.Object({ ...PagingQuery }, { additionalProperties: false }),
          response: { 200: pageOf(FundSchema, 'A page of fund summaries.'), ...problems(400, 401, 404) },
        },
      },
      async (request) => {
        const paging = pagingOf(request.query);
        const all = (await visibleFunds(db, request)).map(toFund);
        const path = `/programmes/${request.programme!.slug}/funds`;
        return pageEnvelope(all.slice(paging.offset, paging.offset + paging.pageSize), paging, all.length, path, request.query);
      },
    );

    api.get(
      '/programmes/:programme/funds/:fundId',
      {
        config: { action: 'fund.view' },
        schema: {
          tags: ['Funds'],
          operationId: 'getFund',
          summary: 'Get a fund summary with figures per year',
          description: 'One fund the caller may see, with its figures per budget year.',
          security: [{ bearerAuth: [] }],
          params: FundParams,
          response: { 200: { ...FundDetailSchema, description: 'The fund summary.' }, ...problems(400, 401, 404) },
        },
      },
      async (request) => {
        const fund = (await visibleFunds(db, request)).find((row) => row.fund.id === request.params.fundId);
        if (!fund) throw notFound();
        const years = await q.balancesPerYear(db, request.programme!.id, [fund.fund.id]);
        return { ...toFund(fund), years: years.map(({ year, balance }) => ({ year, ...amounts(balance) })) };
      },
    );
  },
});
