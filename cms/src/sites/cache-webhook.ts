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
 * The clinic sites' servers, `CLINIC_SITES_URL` comma-separated: each keeps its own cache in
 * memory, so each must hear of every change.
 */
const clinicSitesServers = (setting = process.env.CLINIC_SITES_URL) => [
  ...new Set(
    (setting || 'http://127.0.0.1:4322')
      .split(',')
      .map((url) => url.trim().replace(/\/+$/, ''))
      .filter(Boolean)
  ),
];

/** One webhook per server, named after it, so a restart finds and updates its own. */
const webhookName = (server: string) => `${NAME}: ${server}`;

/**
 * Keeps one Strapi webhook per clinic sites' server (`CLINIC_SITES_URL`) that tells it of every
 * change to published content, so it forgets what it cached. Set in code at every start, like
 * permissions: the addresses and token come from the environment; a server no longer listed
 * loses its webhook. Without a token, there are none.
 */
export const syncClinicSitesWebhook = async (strapi: Core.Strapi) => {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const token = process.env.SITES_WEBHOOK_TOKEN;
  const servers = token ? clinicSitesServers() : [];
  const ours = ((await store.findWebhooks()) as Webhook[]).filter((hook) =>
    hook.name.startsWith(NAME)
  );

  const kept = new Set<Webhook['id']>();
  for (const server of servers) {
    const wanted = {
      name: webhookName(server),
      url: `${server}/internal/purge-cache`,
      headers: { Authorization: `Bearer ${token}` },
      events: EVENTS,
      isEnabled: true,
    };
    const existing = ours.find((hook) => hook.name === wanted.name);
    const webhook: Webhook = existing
      ? await store.updateWebhook(existing.id, wanted)
      : await store.createWebhook(wanted);
    runner.update(webhook);
    kept.add(webhook.id);
  }

  // Servers no longer listed, and twins two nodes starting at once may both have created.
  for (const stale of ours.filter((hook) => !kept.has(hook.id))) {
    await store.deleteWebhook(stale.id);
    runner.remove(stale);
  }
};
