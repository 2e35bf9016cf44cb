// The accounts capability's forms, declared once with the toolkit: each limit is the page's
// maxlength, the check and the refusal (a value is never cut short). Meaning (is the code right,
// does the project exist, is the password strong enough) stays with the commands.
import { ROLES } from '../../db/schema.ts';
import { field, LIMITS, Type } from '../../web/forms.ts';
import { MAX_PASSWORD_LENGTH } from './password-policy.ts';

/** Longer than any address an account can have (RFC 5321's 254). */
const EMAIL_LENGTH = 254;
/** A second-step code: six digits, or a recovery code with its dashes. */
const CODE_LENGTH = 40;

/** A password typed at login: one longer than any allowed password is simply a wrong one. */
export const LoginForm = Type.Object({
  email: field.text(EMAIL_LENGTH),
  password: field.secret(1000),
  /** Where to go after login; checked as a local path by the route. */
  next: Type.Optional(Type.String()),
});

export const CodeForm = Type.Object({ code: field.text(CODE_LENGTH) });

/** Setting up an authenticator: the secret the page showed, and the first code it made. */
export const EnrolForm = Type.Object({
  secret: Type.String({ pattern: '^[A-Z2-7]{32}$' }),
  code: Type.Optional(field.text(CODE_LENGTH)),
});

export const EndSessionForm = Type.Object({ session: field.text(64) });

export const ForgotForm = Type.Object({ email: field.email() });

/** A new password (reset, invitation): the password policy judges what was typed. */
export const NewPasswordForm = Type.Object({ password: Type.Optional(field.secret(MAX_PASSWORD_LENGTH)) });

export const InviteForm = Type.Object({
  email: field.email(),
  displayName: field.text(LIMITS.name),
  role: field.choice(ROLES),
  project: Type.Optional(field.text(20)),
  organisation: Type.Optional(field.text(80)),
});

export const EraseForm = Type.Object({
  user: Type.Optional(field.uuid()),
  confirm: Type.Optional(field.choice(['yes'] as const)),
});

/** Single sign-on settings; which fields are required depends on what is stored (the command checks). */
export const SsoForm = Type.Object({
  name: Type.Optional(field.text(80)),
  issuer: Type.Optional(field.text(LIMITS.line)),
  clientId: Type.Optional(field.text(200)),
  clientSecret: Type.Optional(field.secret(500)),
  allowedDomains: Type.Optional(field.multiline(2000)),
  domainOrganisations: Type.Optional(field.multiline(4000)),
  enabled: field.checkbox(),
});

/** The first administrator (first run): the setup code the server printed, and the new account. */
export const SetupForm = Type.Object({
  code: field.text(CODE_LENGTH),
  displayName: field.text(LIMITS.name),
  email: field.email(),
  password: field.secret(MAX_PASSWORD_LENGTH),
});

/** Link a person to an existing account, with the role their seat or project calls for. */
export const LinkPersonForm = Type.Object({
  user: field.uuid(),
  grant: Type.Optional(field.text(40)),
});

/** Invite a person by e-mail; accepting links them. */
export const InvitePersonForm = Type.Object({
  email: field.email(),
  grant: Type.Optional(field.text(40)),
});
