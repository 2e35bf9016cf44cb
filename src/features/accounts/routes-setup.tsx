// /{lang}/setup: the first administrator, created with the setup code the server printed on start.
// Open only while the installation has no administrator; afterwards the page does not exist.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { formState, readForm } from '../../web/forms.ts';
import { HttpError, notFound, sendHtml } from '../../web/http.ts';
import { pageContext } from '../../web/request-context.ts';
import { renderPage } from '../../web/render.ts';
import { localizedPaths } from '../../web/routing.ts';
import './messages.ts';
import { createFirstAdministrator, hasAdministrator } from './first-run.ts';
import { SetupForm } from './forms.ts';
import { afterPassword } from './login-flow.ts';
import { credentialThrottled, recordCredentialAttempt } from './passwords.ts';
import { SETUP_FORM, SetupPage } from './views-setup.tsx';

export function registerSetupRoutes(app: FastifyInstance, db: Db, config: Config): void {
  for (const { locale, url } of localizedPaths('/setup')) {
    app.get(url, { config: { action: 'public' } }, async (request, reply) => {
      if (await hasAdministrator(db)) throw notFound();
      reply.header('referrer-policy', 'no-referrer');
      return sendHtml(reply, renderPage(<SetupPage ctx={pageContext(request, config)} />));
    });
    app.post(url, { config: { action: 'public' } }, async (request, reply) => {
      if (await hasAdministrator(db)) throw notFound();
      // Guessing the code: limited per address, as links are.
      if (await credentialThrottled(db, 'link', 'first-run setup', request.ip)) throw new HttpError(429, 'login.throttled');
      const ctx = pageContext(request, config);
      const refuse = (errors: Parameters<typeof formState>[1]) => sendHtml(reply, renderPage(<SetupPage ctx={ctx} state={formState(SETUP_FORM, errors, request.body)} />), 400);
      const read = readForm(SetupForm, request.body, request.locale);
      if (!read.ok) return refuse(read.errors);
      const created = await createFirstAdministrator(db, config, read.value);
      if (!created.ok) {
        if (created.errors.code) await recordCredentialAttempt(db, 'link', 'first-run setup', request.ip);
        return refuse(created.errors);
      }
      const [user] = await db.select().from(users).where(eq(users.id, created.value.userId));
      // Administrators set up their authenticator before their first session.
      return afterPassword(db, config, request, reply, user!, locale, `/${locale}/account`, 'enrol');
    });
  }
}
