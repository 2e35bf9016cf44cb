// A person's account page (coordinator): link an existing account, invite by e-mail, unlink.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { refusedField } from '../../domain/outcome.ts';
import { notFound, redirectLocal, sendHtml } from '../../web/http.ts';
import { formState, isUuid, readForm, type FormBody, type FormState } from '../../web/forms.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import './messages-people.ts';
import { InvitePersonForm, LinkPersonForm } from './forms.ts';
import { createInvitation } from './invitations.ts';
import { linkableAccounts, linkPerson, openInvitationFor, personAccount, unlinkPerson } from './people.ts';
import { mailInvitation } from './routes-invitations.tsx';
import { PersonAccountPage } from './views-people.tsx';

type PersonParams = { programme: string; person: string };
type PersonRequest = FastifyRequest<{ Params: PersonParams; Querystring: { done?: string }; Body: FormBody }>;

export function registerPeopleRoutes(app: FastifyInstance, db: Db, config: Config): void {
  async function render(request: PersonRequest, reply: FastifyReply, state?: FormState) {
    const programmeId = request.programme!.id;
    if (!isUuid(request.params.person)) throw notFound();
    const person = await personAccount(db, programmeId, request.params.person);
    if (!person) throw notFound();
    const done = ['linked', 'invited', 'unlinked'].find((d) => d === request.query.done) as 'linked' | 'invited' | 'unlinked' | undefined;
    const page = (
      <PersonAccountPage
        ctx={pageContext(request, config)}
        person={person}
        accounts={await linkableAccounts(db, programmeId)}
        invitation={await openInvitationFor(db, person.id)}
        done={state ? undefined : done}
        state={state}
      />
    );
    return sendHtml(reply, renderPage(page), state ? 400 : 200);
  }

  for (const { locale, url } of localizedPaths('/:programme/people/:person')) {
    const back = (request: PersonRequest, done: string) => `/${locale}/${request.programme!.slug}/people/${request.params.person}?done=${done}`;

    app.get<{ Params: PersonParams; Querystring: { done?: string } }>(url, { config: { action: 'person.link' } }, async (request, reply) => render(request as PersonRequest, reply));

    app.post<{ Params: PersonParams; Querystring: { done?: string }; Body: FormBody }>(`${url}/link`, { config: { action: 'person.link' } }, async (request, reply) => {
      if (!isUuid(request.params.person)) throw notFound();
      const read = readForm(LinkPersonForm, request.body, request.locale);
      const result = read.ok ? await linkPerson({ actor: request.actor, db, programmeId: request.programme!.id, personId: request.params.person, userId: read.value.user, grant: read.value.grant ?? '' }) : read;
      if (result === null) throw notFound();
      if (!result.ok) return render(request, reply, formState('link', result.errors, request.body));
      return redirectLocal(reply, undefined, back(request, 'linked'));
    });

    app.post<{ Params: PersonParams; Querystring: { done?: string }; Body: FormBody }>(`${url}/unlink`, { config: { action: 'person.link' } }, async (request, reply) => {
      if (!isUuid(request.params.person)) throw notFound();
      if (!(await unlinkPerson({ actor: request.actor, db, programmeId: request.programme!.id, personId: request.params.person }))) throw notFound();
      return redirectLocal(reply, undefined, back(request, 'unlinked'));
    });

    app.post<{ Params: PersonParams; Querystring: { done?: string }; Body: FormBody }>(`${url}/invite`, { config: { action: 'person.link' } }, async (request, reply) => {
      if (!isUuid(request.params.person)) throw notFound();
      const programme = request.programme!;
      const person = await personAccount(db, programme.id, request.params.person);
      if (!person) throw notFound();
      const read = readForm(InvitePersonForm, request.body, request.locale);
      if (!read.ok) return render(request, reply, formState('invite', read.errors, request.body));
      const grant = person.grants.find((g) => g.key === (read.value.grant ?? ''));
      // A person who sits nowhere has no role to be invited into: link an existing account instead.
      if (!grant) return render(request, reply, formState('invite', refusedField(person.grants.length === 0 ? 'email' : 'grant', person.grants.length === 0 ? 'people.error.nowhere' : 'people.error.grant').errors, request.body));
      const input = { email: read.value.email, displayName: person.name, role: grant.role, project: grant.projectCode ?? undefined, personId: person.id };
      const result = await createInvitation(db, request.actor!, programme.id, input);
      if (!result.ok) {
        if (result.status === 404) throw notFound();
        const [name, key] = Object.entries(result.errors)[0] ?? ['email', 'field.required'];
        return render(request, reply, formState('invite', refusedField(name === 'email' ? 'email' : 'grant', key!).errors, request.body));
      }
      await mailInvitation(db, config, { locale, programme, input, token: result.token, inviter: request.actor!.displayName });
      return redirectLocal(reply, undefined, back(request, 'invited'));
    });
  }
}
