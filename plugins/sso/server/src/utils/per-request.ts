import type { Core } from '@strapi/strapi';

/**
 * `load`, answered once per key and HTTP request (Strapi's request context); outside a request
 * every call loads. oidc-provider asks for the same account and session several times while it
 * answers one request (the account for the ID token, again for the access token's claims; the
 * session's impersonation for each token and for the session's lifetime): one read each is
 * enough, and a value never outlives the request that read it.
 */
export const oncePerRequest = <T>(strapi: Core.Strapi, load: (key: string) => Promise<T>) => {
  const byRequest = new WeakMap<object, Map<string, Promise<T>>>();
  return (key: string): Promise<T> => {
    const request: object | undefined = strapi.requestContext.get();
    if (!request) return load(key);
    let loaded = byRequest.get(request);
    if (!loaded) byRequest.set(request, (loaded = new Map()));
    let value = loaded.get(key);
    if (!value) loaded.set(key, (value = load(key)));
    return value;
  };
};
