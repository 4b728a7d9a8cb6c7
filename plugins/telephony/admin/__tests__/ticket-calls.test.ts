import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { createDeskUser, type SignedInDeskUser } from '@vixenhealth/tooling/testing/desk-people';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';
import { startZadarma, type Zadarma } from '@vixenhealth/tooling/testing/zadarma';

import { SOFTPHONE_DIAL_EVENT } from '../../shared/contracts';

/**
 * A ticket's calls in the Support page, in real Chromium: the recording plays only when asked
 * for, fetched with the agent's token; the requester is called back from the softphone or
 * through the provider the call came by (a local Zadarma speaking its API).
 */

const CALLER = '79161234567';
const DID = '74951112233';

let zadarma: Zadarma;
let cms: TestCms;
let browser: Browser;
let page: Page;
let agent: SignedInDeskUser;
let callId: number;
let ticketNumber: string;
/** The `Authorization` of each request the page made for a recording. */
const recordingRequests: string[] = [];

/** One second of a 440 Hz tone: a real 8 kHz, 16-bit mono PCM WAV file. */
const wav = () => {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i += 1) {
    samples.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 8000), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
};

/** `YYYY-MM-DD HH:mm:ss` in Moscow, as Zadarma writes `call_start`. */
const moscow = (date: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Moscow',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(date);

const signIn = async (user: SignedInDeskUser) => {
  const signedIn = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signedIn.goto(`${cms.baseUrl}/admin/auth/login`);
  await signedIn.getByLabel('Email').fill(user.email);
  await signedIn.getByLabel('Password').fill(user.password);
  await signedIn.getByRole('button', { name: 'Login' }).click();
  await signedIn.waitForURL(/\/admin(?!\/auth)/);
  return signedIn;
};

const callsOfTicket = () => page.getByRole('region', { name: 'Звонки' });

beforeAll(async () => {
  zadarma = await startZadarma();
  cms = await startTestCms(
    { TELEPHONY_ZADARMA_API_URL: zadarma.apiUrl, TELEPHONY_ZADARMA_TIME_ZONE: 'Europe/Moscow' },
    { adminPanel: true }
  );
  const created = await cms.strapi.plugin('telephony').service('integrations').create({
    name: 'Zadarma',
    kind: 'zadarma',
    group: 'technical',
    apiKey: zadarma.key,
    apiSecret: zadarma.secret,
  });
  const url = `${cms.baseUrl}/api/telephony/zadarma/${created.token}`;
  agent = await createDeskUser(cms, 'support-agent', { groups: ['technical'] });

  zadarma.addRecording('rec-ticket', wav(), 'audio/wav');
  const common = {
    pbx_call_id: 'ticket-call',
    call_start: moscow(new Date(Date.now() - 60_000)),
    caller_id: CALLER,
  };
  await zadarma.notify(url, { event: 'NOTIFY_START', ...common, called_did: DID });
  await zadarma.notify(url, {
    event: 'NOTIFY_END',
    ...common,
    called_did: DID,
    internal: '101',
    duration: '1',
    disposition: 'answered',
    status_code: '16',
    is_recorded: '1',
    call_id_with_rec: 'rec-ticket',
  });
  await cms.strapi.plugin('telephony').service('recordings').downloadDue();
  const call = await cms.strapi.db.query('plugin::telephony.call').findOne({
    where: { callId: 'ticket-call' },
    populate: { ticket: { select: ['number'] }, recording: { select: ['id'] } },
  });
  expect(call.recording).not.toBeNull();
  callId = call.id;
  ticketNumber = call.ticket.number;

  browser = await launchChromium();
  page = await signIn(agent);
  page.on('request', (request) => {
    if (request.url().endsWith(`/telephony/calls/${callId}/recording`)) {
      recordingRequests.push(request.headers().authorization ?? '');
    }
  });
  await page.goto(`${cms.baseUrl}/admin/plugins/support/tickets/${ticketNumber}`);
  await callsOfTicket().waitFor({ timeout: 15_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await zadarma?.stop();
});

describe("a ticket's recording", () => {
  it('is fetched with the agent token only on play, and plays from a blob: URL', async () => {
    const audio = callsOfTicket().getByLabel('Запись звонка');
    expect(await audio.count()).toBe(0);
    await page.screenshot({ path: '/work/briefs/h7-ticket.png' });
    expect(recordingRequests).toEqual([]);

    await callsOfTicket().getByRole('button', { name: 'Прослушать запись' }).click();
    await expect.poll(() => audio.getAttribute('src')).toMatch(/^blob:/);
    await expect
      .poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration))
      .toBeGreaterThan(0.9);
    expect(recordingRequests).toEqual([expect.stringMatching(/^Bearer \S+$/)]);
  });

  it('is not served to an agent of another group', async () => {
    const other = await createDeskUser(cms, 'support-agent', { groups: ['billing'] });
    const refused = await fetch(`${cms.baseUrl}/telephony/calls/${callId}/recording`, {
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(refused.status).toBe(404);
  });
});

describe('calling the requester back', () => {
  it('asks the softphone to dial the requester', async () => {
    await page.evaluate((event) => {
      const heard: string[] = [];
      (window as unknown as { dialled: string[] }).dialled = heard;
      window.addEventListener(event, (dial) => heard.push((dial as CustomEvent).detail.target));
    }, SOFTPHONE_DIAL_EVENT);
    await callsOfTicket().getByRole('button', { name: 'Позвонить' }).click();
    expect(await page.evaluate(() => (window as unknown as { dialled: string[] }).dialled)).toEqual(
      [`+${CALLER}`]
    );
  });

  it("places the call through Zadarma's callback API, ringing the agent's extension first", async () => {
    await callsOfTicket().getByLabel('Ваш внутренний номер').fill('101');
    await callsOfTicket().getByRole('button', { name: 'Через провайдера' }).click();
    await expect
      .poll(() => callsOfTicket().getByRole('status').textContent())
      .toContain('Zadarma звонит вам');
    expect(zadarma.requests).toContainEqual({
      method: '/v1/request/callback/',
      params: { from: '101', to: CALLER },
    });
  });

  it("shows the API's error when the integration is gone", async () => {
    await cms.strapi.db
      .query('plugin::telephony.integration')
      .update({ where: { name: 'Zadarma' }, data: { enabled: false } });
    await callsOfTicket().getByRole('button', { name: 'Через провайдера' }).click();
    await expect
      .poll(() => callsOfTicket().getByRole('status').textContent())
      .toMatch(/Integration/);
  });
});

describe('an expired recording', () => {
  it('shows why it does not play', async () => {
    await page.reload();
    const play = callsOfTicket().getByRole('button', { name: 'Прослушать запись' });
    await expect.poll(() => play.isVisible(), { timeout: 15_000 }).toBe(true);
    await cms.strapi
      .plugin('telephony')
      .service('recordings')
      .purgeExpired(new Date(Date.now() + 365 * 86_400_000));
    await play.click();
    await expect
      .poll(() => callsOfTicket().getByRole('alert').textContent())
      .toContain('срок хранения истёк');
    expect(await callsOfTicket().getByLabel('Запись звонка').count()).toBe(0);
  });
});
