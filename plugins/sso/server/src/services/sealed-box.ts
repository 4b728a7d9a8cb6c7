import type { Core } from '@strapi/strapi';

import { createSealedBox } from '../../../shared/sealed-box';
import { getConfig } from '../utils';

/** ID's secrets at rest (private signing keys, client secrets), under ID_KEY_ENCRYPTION_KEY. */
const sealedBox = ({ strapi }: { strapi: Core.Strapi }) =>
  createSealedBox(() => Buffer.from(getConfig(strapi).keyEncryptionKey, 'base64'));

export type SealedBoxService = ReturnType<typeof sealedBox>;
export default sealedBox;
