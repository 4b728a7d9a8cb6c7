import { createHash } from 'node:crypto';

/**
 * Mango Office's VPBX API signature, both ways (notifications to us, our commands to it):
 * hex SHA-256 of `vpbx_api_key + json + vpbx_api_salt`.
 */
export const mangoSign = (apiKey: string, json: string, salt: string) =>
  createHash('sha256')
    .update(apiKey + json + salt, 'utf8')
    .digest('hex');

/** A signed VPBX API form: `vpbx_api_key`, `sign`, `json`. */
export const mangoForm = (apiKey: string, salt: string, payload: unknown) => {
  const json = JSON.stringify(payload);
  return new URLSearchParams({ vpbx_api_key: apiKey, sign: mangoSign(apiKey, json, salt), json });
};
