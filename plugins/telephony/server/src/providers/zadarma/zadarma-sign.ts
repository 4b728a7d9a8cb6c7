import { createHash, createHmac } from 'node:crypto';

/**
 * Zadarma signs with base64 of the *hex* HMAC-SHA1 (PHP's `base64_encode(hash_hmac('sha1',
 * $data, $secret))`, as its own libraries do), both its notifications' `Signature` header and our
 * API calls' `Authorization`.
 */
export const zadarmaSignature = (data: string, secret: string) =>
  Buffer.from(createHmac('sha1', secret).update(data, 'utf8').digest('hex')).toString('base64');

/** PHP's `urlencode` (RFC 1738): what Zadarma's API signs its parameters with. */
const phpUrlEncode = (value: string) =>
  encodeURIComponent(value)
    .replace(/[!'()*~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

/** The parameters sorted by name and joined like PHP's `http_build_query`. */
export const zadarmaQuery = (params: Record<string, string>) =>
  Object.keys(params)
    .sort()
    .map((name) => `${phpUrlEncode(name)}=${phpUrlEncode(params[name]!)}`)
    .join('&');

/**
 * The `Authorization` header of a call to Zadarma's API: `<key>:<signature of method, query and
 * the query's MD5>`, the method being the path, like `/v1/request/callback/`.
 */
export const zadarmaAuthorization = (
  key: string,
  secret: string,
  method: string,
  params: Record<string, string>
) => {
  const query = zadarmaQuery(params);
  const md5 = createHash('md5').update(query).digest('hex');
  return `${key}:${zadarmaSignature(method + query + md5, secret)}`;
};
