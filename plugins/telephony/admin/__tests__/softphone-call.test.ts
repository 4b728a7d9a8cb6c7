import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { startTestKamailio } from '@vixenhealth/tooling/testing/kamailio';
import { createAdminUser } from '@vixenhealth/tooling/testing/people';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  audioPacketsReceived,
  phoneOf,
  signedInAgent,
  SOFTPHONE_CHROMIUM_ARGS,
} from './softphone-pages';

/**
 * A real call between two agents' softphones in Chromium, through a real Kamailio on loopback:
 * registration, ringing, answer, audio both ways (WebRTC statistics), hold, hang-up, reject,
 * blind transfer.
 */

const DOMAIN = 'test.vixenhealth.local';
const SCREENSHOT = '/work/briefs/h4-softphone.png';

let kamailio: Awaited<ReturnType<typeof startTestKamailio>>;
let cms: TestCms;
let browser: Browser;
let agent: Page;
let caller: Page;
let third: Page;

beforeAll(async () => {
  kamailio = await startTestKamailio(
    [
      { username: 'agent1', password: 'agent1-sip-Secret' },
      { username: 'agent2', password: 'agent2-sip-Secret' },
      { username: 'agent3', password: 'agent3-sip-Secret' },
    ],
    DOMAIN
  );
  cms = await startTestCms({}, { adminPanel: true });
  const admin = await cms.adminToken();
  const users = [];
  for (const name of ['agent1', 'agent2', 'agent3']) {
    const user = await createAdminUser(cms, 'support-agent', { firstname: name });
    const set = await cms.request(`/telephony/sip-accounts/${user.id}`, {
      method: 'PUT',
      token: admin,
      body: {
        sipUri: `sip:${name}@${DOMAIN}`,
        password: `${name}-sip-Secret`,
        displayName: name,
        wsUrl: kamailio.wsUrl,
      },
    });
    if (set.status !== 200) throw new Error(`Setting ${name}'s SIP account: ${set.status}`);
    users.push(user);
  }
  browser = await launchChromium(SOFTPHONE_CHROMIUM_ARGS);
  [agent, caller, third] = await Promise.all(
    users.map((user) => signedInAgent(browser, cms.baseUrl, user))
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await kamailio?.stop();
});

describe('the softphone in the Support page', () => {
  it('registers every agent with Kamailio', async () => {
    for (const page of [agent, caller, third]) {
      await expect
        .poll(() => phoneOf(page).getByText('Телефон готов').isVisible(), { timeout: 30_000 })
        .toBe(true);
    }
  });

  it('rings the agent when the other calls, and carries audio both ways once answered', async () => {
    await phoneOf(caller).getByLabel('Номер').fill('agent1');
    await phoneOf(caller).getByRole('button', { name: 'Позвонить' }).click();
    await expect
      .poll(() => phoneOf(agent).getByText('Входящий звонок: agent2').isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await phoneOf(agent).getByRole('button', { name: 'Ответить' }).click();

    for (const page of [agent, caller]) {
      await expect
        .poll(() =>
          phoneOf(page)
            .getByText(/Разговор:/)
            .isVisible()
        )
        .toBe(true);
    }
    for (const page of [agent, caller]) {
      await expect.poll(() => audioPacketsReceived(page), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await expect
      .poll(() => phoneOf(agent).getByLabel('Длительность').textContent(), { timeout: 5_000 })
      .not.toBe('0:00');
    await agent.screenshot({ path: SCREENSHOT });
  });

  it('puts the other party on hold and back', async () => {
    await phoneOf(agent).getByRole('button', { name: 'Удержание' }).click();
    await expect.poll(() => phoneOf(agent).getByText('на удержании').isVisible()).toBe(true);
    await phoneOf(agent).getByRole('button', { name: 'Снять с удержания' }).click();
    await expect.poll(() => phoneOf(agent).getByText('на удержании').isVisible()).toBe(false);
  });

  it('hangs up, and both softphones return to idle', async () => {
    await phoneOf(agent).getByRole('button', { name: 'Завершить' }).click();
    for (const page of [agent, caller]) {
      await expect
        .poll(() => phoneOf(page).getByRole('button', { name: 'Позвонить' }).isVisible())
        .toBe(true);
      expect(
        await phoneOf(page)
          .getByText(/Разговор:/)
          .count()
      ).toBe(0);
    }
  });

  it('calls a number asked for by other UI (click-to-call), and the callee can reject it', async () => {
    await caller.evaluate(() =>
      window.dispatchEvent(
        new CustomEvent('vixenhealth:softphone-dial', { detail: { target: 'agent1' } })
      )
    );
    await expect
      .poll(() => phoneOf(agent).getByText('Входящий звонок: agent2').isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await phoneOf(agent).getByRole('button', { name: 'Отклонить' }).click();
    await expect
      .poll(() =>
        phoneOf(caller)
          .getByText(/Звонок не состоялся: Busy/)
          .isVisible()
      )
      .toBe(true);
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Позвонить' }).isVisible())
      .toBe(true);
  });

  it('transfers the caller blind to another agent, who talks with them', async () => {
    await phoneOf(caller).getByLabel('Номер').fill('agent1');
    await phoneOf(caller).getByRole('button', { name: 'Позвонить' }).click();
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Ответить' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await phoneOf(agent).getByRole('button', { name: 'Ответить' }).click();
    await expect
      .poll(() =>
        phoneOf(agent)
          .getByText(/Разговор:/)
          .isVisible()
      )
      .toBe(true);

    await phoneOf(agent).getByLabel('Перевести на').fill('agent3');
    await phoneOf(agent).getByRole('button', { name: 'Перевести' }).click();
    await expect
      .poll(() => phoneOf(third).getByText('Входящий звонок: agent2').isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Позвонить' }).isVisible())
      .toBe(true);
    await phoneOf(third).getByRole('button', { name: 'Ответить' }).click();
    for (const page of [third, caller]) {
      await expect.poll(() => audioPacketsReceived(page), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await phoneOf(third).getByRole('button', { name: 'Завершить' }).click();
    await expect
      .poll(() => phoneOf(caller).getByRole('button', { name: 'Позвонить' }).isVisible())
      .toBe(true);
  });
});
