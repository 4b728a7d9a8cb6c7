import type { IncomingMessage, ServerResponse } from 'node:http';

import type Provider from 'oidc-provider';
import type { Adapter, AdapterPayload } from 'oidc-provider';

import { listenLoopback, randomToken } from './oauth-server';
import type { LocalUpstream, UpstreamPerson } from './person';

/** Which real provider's claims an `oidc-provider` upstream imitates. */
export type OidcShape = 'google' | 'keycloak';

/** oidc-provider's memory adapter keeps everything per model; clients are added once ID listens. */
const memoryAdapter = (store: Map<string, AdapterPayload>) =>
  class MemoryAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key = (id: string) => `${this.model}:${id}`;
    async upsert(id: string, payload: AdapterPayload) {
      store.set(this.key(id), payload);
    }
    async find(id: string) {
      return store.get(this.key(id));
    }
    async findByUserCode() {
      return undefined;
    }
    async findByUid(uid: string) {
      return [...store.values()].find((payload) => payload.uid === uid);
    }
    async consume(id: string) {
      const payload = store.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      store.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, payload] of store) if (payload.grantId === grantId) store.delete(key);
    }
  };

/** The ID token claims each shape carries, as the real provider sends them. */
const claimsOf = (
  shape: OidcShape,
  person: UpstreamPerson
): { sub: string } & Record<string, unknown> => {
  const common = {
    sub: person.subject,
    name: `${person.givenName} ${person.familyName}`,
    given_name: person.givenName,
    family_name: person.familyName,
    ...(person.email ? { email: person.email, email_verified: person.emailVerified } : {}),
  };
  if (shape === 'google') {
    const domain = person.email?.split('@')[1];
    return {
      ...common,
      picture: 'https://lh3.googleusercontent.com/a/example=s96-c',
      locale: 'ru',
      // Google Workspace accounts carry their domain in `hd`; gmail.com ones do not.
      ...(domain && domain !== 'gmail.com' ? { hd: domain } : {}),
    };
  }
  return { ...common, preferred_username: person.email?.split('@')[0] ?? person.subject };
};

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, the certified library; the caller
 * passes its constructor, which tooling cannot resolve itself) on loopback, imitating Google
 * (issuer at the root, `hd`, `email_verified`) or a Keycloak realm (issuer
 * `/realms/<realm>`, `preferred_username`). No login form: the next authorization signs in
 * whoever `signInAs` named, and consents to `openid email profile`.
 */
export const startOidcUpstream = async (
  ProviderClass: typeof Provider,
  shape: OidcShape,
  options: { envName?: string; label?: string; realm?: string } = {}
): Promise<LocalUpstream & { issuer: string }> => {
  const clientId =
    shape === 'google' ? `${randomToken()}.apps.googleusercontent.com` : 'vixenhealth-id';
  const clientSecret = randomToken();
  const people = new Map<string, UpstreamPerson>();
  const store = new Map<string, AdapterPayload>();
  let next: UpstreamPerson | null = null;
  const prefix = shape === 'keycloak' ? `/realms/${options.realm ?? 'staff'}` : '';
  let provider: Provider | null = null;
  let callback: ReturnType<Provider['callback']> | null = null;

  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider!.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (!next) throw new Error('signInAs() first');
      people.set(next.subject, next);
      return provider!.interactionFinished(
        req,
        res,
        { login: { accountId: next.subject } },
        { mergeWithLastSubmission: false }
      );
    }
    const grant = new provider!.Grant({
      accountId: details.session!.accountId,
      clientId: String(details.params.client_id),
    });
    grant.addOIDCScope('openid email profile');
    await provider!.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true }
    );
  };

  const server = await listenLoopback(async (req, res, url) => {
    if (!url.pathname.startsWith(prefix)) return void (res.writeHead(404), res.end());
    const local = url.pathname.slice(prefix.length) || '/';
    if (/^\/interaction\/[^/]+$/.test(local)) {
      req.url = `${local}${url.search}`;
      return interaction(req, res);
    }
    const mounted = req as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = req.url;
    req.url = `${local}${url.search}`;
    await callback!(req, res);
  });
  const issuer = `${server.origin}${prefix}`;

  provider = new ProviderClass(issuer, {
    adapter: memoryAdapter(store),
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => claimsOf(shape, people.get(id)!),
    }),
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: [
        'name',
        'given_name',
        'family_name',
        'picture',
        'locale',
        'hd',
        'preferred_username',
      ],
    },
    // Google and Keycloak put the profile and email claims in the ID token itself.
    conformIdTokenClaims: false,
    cookies: {
      keys: [randomToken()],
      names: {
        session: 'upstream_session',
        interaction: 'upstream_interaction',
        resume: 'upstream_resume',
        state: 'upstream_state',
      },
    },
    interactions: { url: (_ctx, found) => `${prefix}/interaction/${found.uid}` },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
  });
  callback = provider.callback();

  return {
    issuer,
    env: {
      ...(options.envName
        ? {
            [`ID_UPSTREAM_${options.envName}_ISSUER`]: issuer,
            [`ID_UPSTREAM_${options.envName}_CLIENT_ID`]: clientId,
            [`ID_UPSTREAM_${options.envName}_CLIENT_SECRET`]: clientSecret,
            [`ID_UPSTREAM_${options.envName}_LABEL`]: options.label ?? options.envName,
          }
        : {
            ID_UPSTREAM_GOOGLE_ISSUER: issuer,
            ID_UPSTREAM_GOOGLE_CLIENT_ID: clientId,
            ID_UPSTREAM_GOOGLE_CLIENT_SECRET: clientSecret,
          }),
    },
    allowRedirect(uri) {
      store.set(`Client:${clientId}`, {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [uri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      } as AdapterPayload);
    },
    signInAs: (person) => void (next = person),
    stop: server.stop,
  };
};
