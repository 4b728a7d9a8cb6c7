import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { CLIENT } from '../content-types/uids';
import { getService } from '../utils';

const GRANTS = new Set(['authorization_code', 'refresh_token', 'client_credentials']);
const SEALED = /^v1\.[\w-]+\.[\w-]+\.[\w-]+$/;

const invalid = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, {
    errors: [{ path: [field], message, name: 'ValidationError' }],
  });

/** Absolute http(s) URLs without fragments or wildcards: redirect URIs are compared exactly. */
const checkUris = (field: string, value: unknown) => {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value) || value.length > 50) throw invalid(field, 'must be a list of URLs');
  for (const uri of value) {
    let url: URL;
    try {
      url = new URL(String(uri));
    } catch {
      throw invalid(field, `"${uri}" is not an absolute URL`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.hash || String(uri).includes('*')) {
      throw invalid(field, `"${uri}" must be an http(s) URL without a fragment or wildcard`);
    }
  }
};

/**
 * Clients edited in the admin panel: their redirect URIs and grants are checked, and a secret
 * typed in is sealed before it is stored.
 */
export const registerClientChecks = (strapi: Core.Strapi) => {
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== CLIENT || !['create', 'update'].includes(context.action)) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data ?? {};
    checkUris('redirectUris', data.redirectUris);
    checkUris('postLogoutRedirectUris', data.postLogoutRedirectUris);
    if (data.grantTypes !== undefined) {
      const grants = data.grantTypes;
      if (
        !Array.isArray(grants) ||
        grants.length === 0 ||
        !grants.every((grant) => GRANTS.has(String(grant)))
      ) {
        throw invalid('grantTypes', `must list some of: ${[...GRANTS].join(', ')}`);
      }
    }
    const secret = data.encryptedSecret;
    if (typeof secret === 'string' && secret !== '' && !SEALED.test(secret)) {
      if (secret.length < 32)
        throw invalid('encryptedSecret', 'a client secret needs at least 32 characters');
      data.encryptedSecret = getService(strapi, 'sealed-box').seal(secret);
    }
    return next();
  };
  strapi.documents.use(middleware);
};
