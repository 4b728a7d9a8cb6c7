import type { Core } from '@strapi/strapi';

import { getConfig } from '../../utils';

/** Who passkeys are registered with: browsers show `name`; credentials are bound to `id`. */
export interface RelyingParty {
  /** The RP ID: the issuer's hostname, or the parent domain `ID_WEBAUTHN_RP_ID` names. */
  id: string;
  /** The only origin whose ceremonies are accepted: the issuer's. */
  origin: string;
  name: string;
}

export const relyingParty = (strapi: Core.Strapi): RelyingParty => {
  const config = getConfig(strapi);
  const issuer = new URL(config.issuer);
  return { id: config.webauthnRpId || issuer.hostname, origin: issuer.origin, name: 'VixenHealth' };
};
