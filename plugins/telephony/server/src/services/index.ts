import type { Core } from '@strapi/strapi';

import type { CallEvent, PlaceCallRequest } from '../../../shared/contracts';
import { callListeners, type CallListener } from '../calls/call-listeners';
import { ingestCallEvent } from '../calls/ingest-event';
import { clinicTelephony } from '../clinics/clinic-telephony';
import { createCallerDirectoryRegistry } from '../desk/caller-directory';
import type { IntegrationRow } from '../integrations/integration-row';
import { integrations } from '../integrations/integrations';
import type { DeskScope } from '../outbound/desk-scope';
import { placeCall } from '../outbound/place-call';
import { recordingWork } from '../recordings/recording-work';
import { sipAccounts } from '../sip-accounts/sip-accounts';

/** What the endpoints, the other plugins and tests call. */
export default {
  calls: ({ strapi }: { strapi: Core.Strapi }) => ({
    /** One event of a call from an integration, in any order, at most once per event id. */
    ingest: (integration: IntegrationRow, event: CallEvent) =>
      ingestCallEvent(strapi, integration, event),
    /** Hears every change of a call on this node, after it is stored. */
    onChange: (listener: CallListener) => callListeners(strapi).subscribe(listener),
  }),
  /** The CMS lends its clinics here (`register`), in its register phase. */
  callers: () => createCallerDirectoryRegistry(),
  /** A clinic's calls and PBX tokens, for the CMS's cabinet (which checks ownership). */
  clinics: ({ strapi }: { strapi: Core.Strapi }) => clinicTelephony(strapi),
  integrations: ({ strapi }: { strapi: Core.Strapi }) => integrations(strapi),
  /** Click-to-call through a provider's callback API, as the agent (`scope`) may. */
  outbound: ({ strapi }: { strapi: Core.Strapi }) => ({
    placeCall: (scope: DeskScope, request: Partial<PlaceCallRequest>) =>
      placeCall(strapi, scope, request),
  }),
  /** The recordings' periodic work, also run on demand (a test with its own clock). */
  recordings: ({ strapi }: { strapi: Core.Strapi }) => recordingWork(strapi),
  /** Agents' softphone credentials, sealed at rest. */
  sipAccounts: ({ strapi }: { strapi: Core.Strapi }) => sipAccounts(strapi),
} satisfies Record<string, (deps: { strapi: Core.Strapi }) => unknown>;
