import type { Core } from '@strapi/strapi';

const NAME = 'Clinic sites: forget cached content';
const EVENTS = ['entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

interface Webhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/**
 * Keeps one Strapi webhook that tells the clinic sites' server (`CLINIC_SITES_URL`) of every
 * change to published content, so it forgets what it cached. Set in code at every start, like
 * permissions: its address and token come from the environment. Without a token, there is none.
 */
export const syncClinicSitesWebhook = async (strapi: Core.Strapi) => {
  const store = strapi.get('webhookStore');
  const existing = ((await store.findWebhooks()) as Webhook[]).find((hook) => hook.name === NAME);
  const token = process.env.SITES_WEBHOOK_TOKEN;
  if (!token) {
    if (existing) {
      await store.deleteWebhook(existing.id);
      strapi.get('webhookRunner').remove(existing);
    }
    return;
  }
  const wanted = {
    name: NAME,
    url: `${(process.env.CLINIC_SITES_URL ?? 'http://127.0.0.1:4322').replace(/\/$/, '')}/internal/purge-cache`,
    headers: { Authorization: `Bearer ${token}` },
    events: EVENTS,
    isEnabled: true,
  };
  const webhook: Webhook = existing
    ? await store.updateWebhook(existing.id, wanted)
    : await store.createWebhook(wanted);
  strapi.get('webhookRunner').update(webhook);
};
