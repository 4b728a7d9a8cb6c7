import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import type { CallNotice } from '@vixenhealth/telephony/contracts';
import type * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Browser, readForm } from '@vixenhealth/tooling/lib/browser';
import { publishClinic } from '@vixenhealth/tooling/lib/cms-admin-api';
import {
  adminTokenAt,
  startCmsCluster,
  type CmsCluster,
} from '@vixenhealth/tooling/testing/cms-process';
import { startMailCatcher, type MailCatcher } from '@vixenhealth/tooling/testing/mail-catcher';
import { portalAccessToken } from '@vixenhealth/tooling/testing/people';
import { discover, signInThroughForm } from '@vixenhealth/tooling/testing/relying-party';
import { openSse, type SseEvent } from '@vixenhealth/tooling/testing/sse-client';

/**
 * Two CMS nodes of one platform, as production runs them: one PostgreSQL database, one Redis.
 * Two processes cannot share an SQLite file safely, so this runs in the PostgreSQL pass only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const CLINICS = '/api/clinics?pagination[pageSize]=100';

let cluster: CmsCluster;
let mail: MailCatcher;
let nodeA: string;
let nodeB: string;
/** The portal as a client of each node's ID (each node is its own issuer). */
let portalA: client.Configuration;
let portalB: client.Configuration;

const clinicsAt = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}${CLINICS}`);
  expect(response.status).toBe(200);
  const { data } = (await response.json()) as { data: { name: string }[] };
  return { names: data.map((clinic) => clinic.name), cache: response.headers.get('x-cache') };
};

/** A new account, signed up through ID's form on `node` and confirmed by the emailed link. */
const signUpAt = async (node: string) => {
  const email = `two-nodes-${randomBytes(4).toString('hex')}@example.ru`;
  const password = `Two-nodes-password-${randomBytes(4).toString('hex')}`;
  const browser = new Browser();
  const pageUrl = `${node}/id/sign-up`;
  const form = readForm((await browser.request(pageUrl)).text, /\/sign-up$/);
  const answer = await browser.request(new URL(form.action, pageUrl).href, {
    form: { ...form.fields, email, password },
  });
  expect(answer.status).toBe(200);
  const link = /(https?:\/\/\S+)/.exec((await mail.waitFor(email)).text ?? '')?.[1];
  expect((await new Browser().request(link!)).status).toBe(200);
  return { email, password };
};

/** One sign-in through the portal's real form at one node: its outcome as a person sees it. */
const signInAt = async (portal: client.Configuration, email: string, password: string) => {
  const flow = await signInThroughForm(portal, { email, password });
  return {
    signedIn: flow.callback !== null,
    status: flow.signInPage?.status ?? 303,
    retryAfter: Number(flow.signInPage?.headers.get('retry-after') ?? 0),
  };
};

/** JSON requests to one node's admin API with a token (each login counts in its rate limit). */
const adminApi =
  (node: string, token: string) =>
  async <T>(path: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${node}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as T;
  };

const cmPath = (uid: string) => `/content-manager/collection-types/${uid}`;

/** The test admin as an available Support agent of `groupSlug`, set up as an operator does. */
const makeAdminAnAgent = async (api: ReturnType<typeof adminApi>, groupSlug: string) => {
  await api('/support/me/availability', 'PUT', { status: 'available' });
  const list = async <T>(uid: string) =>
    (await api<{ results: T[] }>(`${cmPath(uid)}?pageSize=100`)).results;
  const group = (await list<{ documentId: string; slug: string }>('plugin::support.group')).find(
    (candidate) => candidate.slug === groupSlug
  )!;
  const [agent] = await list<{ documentId: string }>('plugin::support.agent');
  await api(`${cmPath('plugin::support.agent')}/${agent!.documentId}`, 'PUT', {
    groups: { connect: [{ documentId: group.documentId }] },
  });
};

/** A PBX's event through Zammad's CTI API at one node. */
const ctiEvent = async (node: string, token: string, event: Record<string, unknown>) => {
  const response = await fetch(`${node}/api/telephony/cti/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(200);
};

describe.runIf(onPostgres)('two CMS nodes on one PostgreSQL and one Redis', () => {
  beforeAll(async () => {
    mail = await startMailCatcher();
    cluster = await startCmsCluster(2, {
      ...mail.env,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
    });
    [nodeA, nodeB] = cluster.nodes.map((node) => node.baseUrl);
    [portalA, portalB] = await Promise.all(
      [nodeA, nodeB].map((node) => discover(`${node}/id`, 'portal'))
    );
  }, 240_000);

  afterAll(async () => {
    await cluster?.cleanup();
    await mail?.stop();
  });

  it('serve a clinic published on node A from node B at once, though B had the list cached', async () => {
    await clinicsAt(nodeB);
    expect((await clinicsAt(nodeB)).cache).toBe('HIT');

    const name = `Клиника ${randomBytes(3).toString('hex')}`;
    const key = randomBytes(4).toString('hex');
    const published = await publishClinic(nodeA, await adminTokenAt(nodeA), {
      name,
      slug: `two-nodes-${key}`,
    });
    expect(published.status).toBe(200);

    // The publish answered: within the second the issue allows, node B serves the new list.
    const deadline = Date.now() + 1000;
    let seen = await clinicsAt(nodeB);
    while (!seen.names.includes(name) && Date.now() < deadline) seen = await clinicsAt(nodeB);
    expect(seen.names).toContain(name);
  });

  it('run each firing of a cron job on one node only, though both fire it', async () => {
    // ID's admin-access safety net fires every 30 s on each node's clock.
    const db = cluster.openDatabase();
    const claimed = () =>
      db('vh_cron_claims').where({ name: 'ssoSyncAdminAccess' }).select('node', 'attempts');
    const deadline = Date.now() + 45_000;
    let firings = await claimed().catch(() => []);
    while (!firings.some((firing) => firing.attempts >= 2) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      firings = await claimed().catch(() => []);
    }
    // Both nodes tried the firings (the latest may wait for its second try); one node ran each.
    expect(firings.some((firing) => firing.attempts === 2)).toBe(true);
    for (const firing of firings) expect(firing.attempts).toBeLessThanOrEqual(2);
  }, 60_000);

  it('hold a sign-in throttle tripped on node A on node B, the right password included', async () => {
    const { email, password } = await signUpAt(nodeA);
    // The password is right at B: B's refusal below is the throttle's, nothing else's.
    expect((await signInAt(portalB, email, password)).signedIn).toBe(true);

    // One email from one address: three failures are free, the fourth makes the next attempt
    // wait 2 s, and the fifth, once that is over, 4 s: room for B's attempt on a busy machine.
    for (let n = 0; n < 4; n += 1) {
      expect((await signInAt(portalA, email, `wrong-password-${n}`)).status).toBe(401);
    }
    const refused = await signInAt(portalA, email, 'wrong-password-4');
    expect(refused.status).toBe(429);
    await sleep(refused.retryAfter * 1000);
    expect((await signInAt(portalA, email, 'wrong-password-5')).status).toBe(401);

    // Node B never saw any of those failures: only a throttle the nodes share refuses here.
    const onB = await signInAt(portalB, email, password);
    expect(onB.signedIn).toBe(false);
    expect(onB.status).toBe(429);
    expect(onB.retryAfter).toBeGreaterThan(0);
  }, 60_000);

  it('let a Support page open on node B hear a ticket opened on node A', async () => {
    const token = await portalAccessToken(portalA, await signUpAt(nodeA));
    const page = await openSse(`${nodeB}/support/events`, await adminTokenAt(nodeB));
    try {
      const created = await fetch(`${nodeA}/api/support/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ subject: 'Не могу записаться', body: 'Кнопка не работает' }),
      });
      expect(created.status).toBe(201);
      const { number } = (await created.json()) as { number: string };
      const heard = await page.waitFor(
        (event) => event.event === 'ticket.created' && JSON.parse(event.data).number === number
      );
      expect(JSON.parse(heard.data)).toMatchObject({ type: 'ticket.created', number });
    } finally {
      await page.close();
    }
  }, 30_000);

  it('close a call’s pop-up and free its agent on either node, whichever showed or busied', async () => {
    const tokenB = await adminTokenAt(nodeB);
    const [apiA, apiB] = [adminApi(nodeA, await adminTokenAt(nodeA)), adminApi(nodeB, tokenB)];
    await makeAdminAnAgent(apiA, 'technical');
    const pbx = await apiA<{ data: { token: string } }>('/telephony/integrations', 'POST', {
      name: 'Линия поддержки',
      kind: 'cti',
      group: 'technical',
    });
    const me = async () => (await apiB<{ me: { id: number; status: string } }>('/support/meta')).me;
    const { email } = (await apiB<{ data: { email: string } }>('/admin/users/me')).data;
    const page = await openSse(`${nodeB}/support/events`, tokenB);
    const call = { callId: `two-nodes-${randomBytes(3).toString('hex')}`, direction: 'in' };
    const popup = (open: boolean) => (event: SseEvent) => {
      if (event.event !== 'notice') return false;
      const notice = JSON.parse(event.data).data as CallNotice;
      return notice.call.callId === call.callId && (notice.caller !== null) === open;
    };
    try {
      await ctiEvent(nodeA, pbx.data.token, {
        ...call,
        event: 'newCall',
        from: '84951234567',
        to: '78005553535',
      });
      await page.waitFor(popup(true));

      // Answered on B: B closes the pop-up A showed, and makes the agent busy.
      await ctiEvent(nodeB, pbx.data.token, { ...call, event: 'answer', user: email });
      await page.waitFor(popup(false));
      expect((await me()).status).toBe('busy');

      // Ended on A: A frees the agent B made busy.
      await ctiEvent(nodeA, pbx.data.token, { ...call, event: 'hangup', cause: 'normalClearing' });
      expect((await me()).status).toBe('available');
    } finally {
      await page.close();
    }
  }, 30_000);
});
