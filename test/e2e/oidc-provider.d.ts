// The little of oidc-provider that the single sign-on browser test uses (the package ships no types).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  interface Configuration {
    clients: Record<string, unknown>[];
    claims?: Record<string, string[] | null>;
    conformIdTokenClaims?: boolean;
    cookies?: { keys: string[] };
    features?: Record<string, { enabled: boolean }>;
    findAccount(ctx: unknown, id: string): Promise<Account | undefined>;
  }
  interface FinishedInteraction {
    exp: number;
    result?: { login?: { accountId: string; amr?: string[] } };
    save(ttl: number): Promise<unknown>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: (ctx: { path: string }, next: () => Promise<void>) => Promise<void>): void;
    Interaction: { find(uid: string): Promise<FinishedInteraction | undefined> };
  }
}
