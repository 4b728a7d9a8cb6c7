/** Which protocol and claim shapes an upstream speaks. */
export type UpstreamKind = 'google' | 'yandex' | 'vk' | 'oidc';

export interface UpstreamSettings {
  id: string;
  kind: UpstreamKind;
  label: string;
  clientId: string;
  clientSecret: string;
  /** OpenID Connect issuer (Google, generic). */
  issuer?: string;
  /** Yandex OAuth (authorize, token) and Yandex ID (user info) bases; VK ID's base. */
  oauthUrl?: string;
  loginUrl?: string;
  vkUrl?: string;
}

const NAMED = ['GOOGLE', 'YANDEX', 'VK'] as const;

/**
 * The upstream providers configured in the environment; only these appear as buttons.
 * `ID_UPSTREAM_GOOGLE_*`, `ID_UPSTREAM_YANDEX_*`, `ID_UPSTREAM_VK_*` need a client id and secret;
 * any other `ID_UPSTREAM_<NAME>_ISSUER` is a generic OpenID Connect provider (a Keycloak realm).
 */
export const readUpstreams = (env: NodeJS.ProcessEnv): UpstreamSettings[] => {
  const value = (name: string) => env[`ID_UPSTREAM_${name}`]?.trim() || undefined;
  const client = (name: string) => {
    const clientId = value(`${name}_CLIENT_ID`);
    const clientSecret = value(`${name}_CLIENT_SECRET`);
    return clientId && clientSecret ? { clientId, clientSecret } : null;
  };
  const upstreams: UpstreamSettings[] = [];
  const google = client('GOOGLE');
  if (google) {
    upstreams.push({
      id: 'google',
      kind: 'google',
      label: value('GOOGLE_LABEL') ?? 'Google',
      ...google,
      issuer: value('GOOGLE_ISSUER') ?? 'https://accounts.google.com',
    });
  }
  const yandex = client('YANDEX');
  if (yandex) {
    upstreams.push({
      id: 'yandex',
      kind: 'yandex',
      label: value('YANDEX_LABEL') ?? 'Яндекс ID',
      ...yandex,
      oauthUrl: value('YANDEX_OAUTH_URL') ?? 'https://oauth.yandex.ru',
      loginUrl: value('YANDEX_LOGIN_URL') ?? 'https://login.yandex.ru',
    });
  }
  const vk = client('VK');
  if (vk) {
    upstreams.push({
      id: 'vk',
      kind: 'vk',
      label: value('VK_LABEL') ?? 'VK ID',
      ...vk,
      vkUrl: value('VK_URL') ?? 'https://id.vk.com',
    });
  }
  for (const key of Object.keys(env).sort()) {
    const name = /^ID_UPSTREAM_([A-Z0-9]+)_ISSUER$/.exec(key)?.[1];
    if (!name || (NAMED as readonly string[]).includes(name)) continue;
    const generic = client(name);
    if (!generic) continue;
    upstreams.push({
      id: name.toLowerCase(),
      kind: 'oidc',
      label: value(`${name}_LABEL`) ?? name,
      ...generic,
      issuer: value(`${name}_ISSUER`),
    });
  }
  return upstreams;
};
