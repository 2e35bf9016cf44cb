// Personal API tokens: created and revoked by their owner, in the browser. The token is shown
// once; the database keeps only its SHA-256, so neither a backup nor a log can replay it.
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { recordAudit } from '../../../db/audit.ts';
import { programmes, roleAssignments, users } from '../../../db/schema.ts';
import type { Actor } from '../../../domain/policy.ts';
import { hashToken } from '../../accounts/sessions.ts';
import { apiTokens, API_TOKEN_SCOPES, type ApiTokenScope } from '../tables.ts';

export const TOKEN_PREFIX = 'ks_';

export function newApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export interface TokenInput {
  name: string;
  scope: string;
  programmeSlug: string;
}

/** The longest name a token may have (the token form's limit). */
export const TOKEN_NAME_LENGTH = 100;

export type TokenInputErrors = Partial<Record<'name' | 'scope' | 'programme', string>>;

/** Checks the form: message keys per field, empty when valid. */
export function validateTokenInput(input: TokenInput, programmeSlugs: string[]): TokenInputErrors {
  const errors: TokenInputErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = 'field.required';
  else if (name.length > TOKEN_NAME_LENGTH) errors.name = 'apiTokens.nameTooLong';
  if (!(API_TOKEN_SCOPES as readonly string[]).includes(input.scope)) errors.scope = 'apiTokens.scopeInvalid';
  if (!programmeSlugs.includes(input.programmeSlug)) errors.programme = 'apiTokens.programmeInvalid';
  return errors;
}

/** Programmes where the user has a role: a token can only be made for one of these. */
export async function tokenProgrammes(db: Db, userId: string) {
  return db
    .selectDistinct({ id: programmes.id, slug: programmes.slug, name: programmes.name })
    .from(roleAssignments)
    .innerJoin(programmes, eq(programmes.id, roleAssignments.programmeId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(programmes.slug);
}

export async function listTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      programmeSlug: programmes.slug,
      programmeName: programmes.name,
    })
    .from(apiTokens)
    .innerJoin(programmes, eq(programmes.id, apiTokens.programmeId))
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function createApiToken(
  db: Db,
  { actor, name, scope, programmeId }: { actor: Pick<Actor, 'userId' | 'displayName'>; name: string; scope: ApiTokenScope; programmeId: string },
): Promise<{ id: string; token: string }> {
  const token = newApiToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ programmeId, userId: actor.userId, name: name.trim(), scope, tokenHash: hashToken(token), prefix: token.slice(0, 8) })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      actor,
      programmeId,
      action: 'apiToken.create',
      objectType: 'api_token',
      objectId: row!.id,
      after: { name: name.trim(), scope },
    });
    return { id: row!.id, token };
  });
}

/** Revokes the owner's token; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, { actor, tokenId }: { actor: Pick<Actor, 'userId' | 'displayName'>; tokenId: string }): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(tokenId)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, programmeId: apiTokens.programmeId });
    if (!row) return false;
    await recordAudit(tx, { actor, programmeId: row.programmeId, action: 'apiToken.revoke', objectType: 'api_token', objectId: row.id });
    return true;
  });
}

export interface TokenActor {
  tokenId: string;
  userId: string;
  displayName: string;
  programmeId: string;
  scope: ApiTokenScope;
}

/** The token's owner and scope, or null for an unknown, revoked or disabled one. */
export async function authenticateToken(db: Db, token: string): Promise<TokenActor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      userId: apiTokens.userId,
      programmeId: apiTokens.programmeId,
      scope: apiTokens.scope,
      lastUsedAt: apiTokens.lastUsedAt,
      displayName: users.displayName,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  // Record use at most once a minute: a busy client should not write on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  }
  return { tokenId: row.tokenId, userId: row.userId, displayName: row.displayName, programmeId: row.programmeId, scope: row.scope };
}
