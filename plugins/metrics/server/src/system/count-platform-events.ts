import type { Core } from '@strapi/strapi';

import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  PLATFORM_EVENT,
  SIGN_IN_OUTCOMES,
  boundedLabel,
} from './platform-events';
import type { SystemRegistry } from './system-registry';

/** Content types counted by their database lifecycles; absent ones are skipped. */
const SUPPORT_TICKET = 'plugin::support.ticket';
const SUPPORT_MESSAGE = 'plugin::support.ticket-message';
const SITE_DEPLOY = 'api::site-deploy.site-deploy';

interface ContentTypeSchema {
  attributes: Record<string, { enum?: string[] } | undefined>;
}

/** An enumeration attribute's values, from the content type's schema: the label's bounds. */
const enumOf = (strapi: Core.Strapi, uid: string, attribute: string): string[] => {
  const schemas = strapi.contentTypes as unknown as Record<string, ContentTypeSchema | undefined>;
  return schemas[uid]?.attributes[attribute]?.enum ?? [];
};

interface LifecycleEvent {
  params: { data?: Record<string, unknown> };
  result?: { count?: number } & Record<string, unknown>;
}

/**
 * Counts what other parts of the platform do, without importing their code: ID sign-ins and
 * calls from the event hub, tickets and deploys from their database lifecycles, the support
 * outbox by counting its rows. Every known label starts at 0, so rates exist from the first
 * scrape. Returns what undoes the subscriptions.
 */
export const countPlatformEvents = (strapi: Core.Strapi, system: SystemRegistry) => {
  const undo: (() => void)[] = [];

  for (const outcome of SIGN_IN_OUTCOMES) system.signIns.inc({ outcome }, 0);
  undo.push(
    strapi.eventHub.on(PLATFORM_EVENT.signIn, async (payload: { outcome?: unknown } = {}) => {
      system.signIns.inc({ outcome: boundedLabel(payload.outcome, SIGN_IN_OUTCOMES) });
    })
  );

  for (const direction of CALL_DIRECTIONS) {
    for (const outcome of CALL_OUTCOMES) system.calls.inc({ direction, outcome }, 0);
  }
  undo.push(
    strapi.eventHub.on(
      PLATFORM_EVENT.call,
      async (payload: { direction?: unknown; outcome?: unknown } = {}) => {
        system.calls.inc({
          direction: boundedLabel(payload.direction, CALL_DIRECTIONS),
          outcome: boundedLabel(payload.outcome, CALL_OUTCOMES),
        });
      }
    )
  );

  const channels = enumOf(strapi, SUPPORT_TICKET, 'channel');
  if (channels.length > 0) {
    for (const channel of channels) system.ticketsCreated.inc({ channel }, 0);
    undo.push(
      strapi.db.lifecycles.subscribe({
        models: [SUPPORT_TICKET],
        afterCreate(event: LifecycleEvent) {
          system.ticketsCreated.inc({ channel: boundedLabel(event.result?.channel, channels) });
        },
      })
    );
  }

  const statuses = enumOf(strapi, SITE_DEPLOY, 'status');
  if (statuses.length > 0) {
    for (const status of statuses) system.deploys.inc({ status }, 0);
    // A deploy's progress is written often while it builds: only writes that set a status count.
    const reached = (status: unknown, times = 1) => {
      if (status !== undefined && times > 0) {
        system.deploys.inc({ status: boundedLabel(status, statuses) }, times);
      }
    };
    undo.push(
      strapi.db.lifecycles.subscribe({
        models: [SITE_DEPLOY],
        afterCreate: (event: LifecycleEvent) => reached(event.result?.status),
        afterUpdate: (event: LifecycleEvent) => reached(event.params.data?.status),
        afterUpdateMany: (event: LifecycleEvent) =>
          reached(event.params.data?.status, Number(event.result?.count ?? 0)),
      })
    );
  }

  if ((strapi.contentTypes as unknown as Record<string, unknown>)[SUPPORT_MESSAGE]) {
    // Replies the support desk has yet to deliver to email, Telegram, SMS…
    system.registerQueue('support_outbox', () =>
      strapi.db.query(SUPPORT_MESSAGE as never).count({ where: { delivery: 'pending' } })
    );
  }

  return () => undo.forEach((unsubscribe) => unsubscribe());
};
