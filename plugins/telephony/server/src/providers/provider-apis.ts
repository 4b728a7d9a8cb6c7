import type { IntegrationKind } from '../../../shared/contracts';
import { mangoApi } from './mango/mango-api';
import type { ProviderApi } from './provider-api';
import { zadarmaApi } from './zadarma/zadarma-api';

/** Each provider's API and its name for people; `cti` PBXs have none (the softphone calls). */
export const PROVIDER_APIS: Partial<Record<IntegrationKind, { name: string; api: ProviderApi }>> = {
  mango: { name: 'Mango Office', api: mangoApi },
  zadarma: { name: 'Zadarma', api: zadarmaApi },
};
