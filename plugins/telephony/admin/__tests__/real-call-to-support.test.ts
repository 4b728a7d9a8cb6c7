import { randomBytes } from 'node:crypto';

import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchChromium } from '@vixenhealth/tooling/testing/chromium';
import { createDeskUser, type SignedInDeskUser } from '@vixenhealth/tooling/testing/desk-people';
import { startTestKamailio } from '@vixenhealth/tooling/testing/kamailio';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import {
  audioPacketsReceived,
  instrumentedPage,
  phoneOf,
  signedInAgent,
  SOFTPHONE_CHROMIUM_ARGS,
} from './softphone-pages';

/**
 * Kamailio as the PBX: a patient's phone (a plain JsSIP user agent named by their number) calls
 * the support number through a real Kamailio, which rings the agent's softphone and reports the
 * call to the Zammad CTI endpoint; the desk shows the pop-up, records the call and files it in a
 * ticket.
 */

const DOMAIN = 'test.vixenhealth.local';
const PATIENT = '+79035550144';
const PATIENT_SIP_PASSWORD = 'patient-sip-Secret';

let kamailio: Awaited<ReturnType<typeof startTestKamailio>>;
let cms: TestCms;
let browser: Browser;
let agentUser: SignedInDeskUser;
let agent: Page;
let patient: Page;

/** The patient's phone: JsSIP bundled for a plain page, its calls kept on `window.calls`. */
const openPatientPhone = async () => {
  const jssip = await build({
    entryPoints: ['jssip'],
    bundle: true,
    format: 'iife',
    globalName: 'JsSIP',
    platform: 'browser',
    write: false,
  });
  const page = await instrumentedPage(browser);
  // A page of the CMS's origin: loopback is a secure context, so the microphone is allowed.
  await page.goto(`${cms.baseUrl}/admin/auth/login`);
  await page.addScriptTag({ content: jssip.outputFiles[0]!.text });
  await page.evaluate(
    ({ wsUrl, uri, password }) => {
      const { JsSIP } = window as unknown as { JsSIP: typeof import('jssip') };
      const ua = new JsSIP.UA({
        sockets: [new JsSIP.WebSocketInterface(wsUrl)],
        uri,
        password,
        register: false,
      });
      ua.start();
      Object.assign(window, { ua, calls: [] });
    },
    { wsUrl: kamailio.wsUrl, uri: `sip:${PATIENT}@${DOMAIN}`, password: PATIENT_SIP_PASSWORD }
  );
  return page;
};

/** Calls the support number; resolves with the call's SIP Call-ID. */
const callSupport = (page: Page) =>
  page.evaluate((target) => {
    const { ua, calls } = window as unknown as {
      ua: import('jssip').UA;
      calls: { state: string; session: import('jssip/lib/RTCSession').RTCSession }[];
    };
    const session = ua.call(target, { mediaConstraints: { audio: true, video: false } });
    const call = { state: 'calling', session };
    session.on('confirmed', () => (call.state = 'talking'));
    session.on('ended', () => (call.state = 'ended'));
    session.on('failed', () => (call.state = 'failed'));
    calls.push(call);
    return (session as unknown as { _request: { call_id: string } })._request.call_id;
  }, `sip:support@${DOMAIN}`);

const patientCallState = () =>
  patient.evaluate(() => (window as unknown as { calls: { state: string }[] }).calls.at(-1)!.state);

const hangUpPatient = () =>
  patient.evaluate(() =>
    (window as unknown as { calls: { session: { terminate(): void } }[] }).calls
      .at(-1)!
      .session.terminate()
  );

const callRecord = (callId: string) =>
  cms.strapi.db.query('plugin::telephony.call').findOne({
    where: { callId },
    populate: { agent: { select: ['id'] }, ticket: { select: ['number', 'tags'] } },
  });

beforeAll(async () => {
  cms = await startTestCms({}, { adminPanel: true });
  const integrations = cms.strapi.plugin('telephony').service('integrations');
  const { token } = await integrations.create({
    name: 'Kamailio',
    kind: 'cti',
    group: 'technical',
  });
  const agentSip = {
    username: `agent-${randomBytes(3).toString('hex')}`,
    password: 'agent-sip-Secret',
  };
  kamailio = await startTestKamailio(
    [agentSip, { username: PATIENT, password: PATIENT_SIP_PASSWORD }],
    DOMAIN,
    { supportMembers: [agentSip.username], ctiUrl: `${cms.baseUrl}/api/telephony/cti/${token}` }
  );

  agentUser = await createDeskUser(cms, 'support-agent', {
    groups: ['technical'],
    available: true,
  });
  const set = await cms.request(`/telephony/sip-accounts/${agentUser.id}`, {
    method: 'PUT',
    token: await cms.adminToken(),
    body: {
      sipUri: `sip:${agentSip.username}@${DOMAIN}`,
      password: agentSip.password,
      wsUrl: kamailio.wsUrl,
    },
  });
  if (set.status !== 200) throw new Error(`Setting the agent's SIP account: ${set.status}`);
  await cms.strapi.db.query('plugin::users-permissions.user').create({
    data: {
      username: `anna-${randomBytes(3).toString('hex')}`,
      email: `anna-${randomBytes(3).toString('hex')}@example.org`,
      provider: 'local',
      confirmed: true,
      fullName: 'Анна Кузнецова',
      phone: PATIENT,
    },
  });

  browser = await launchChromium(SOFTPHONE_CHROMIUM_ARGS);
  agent = await signedInAgent(browser, cms.baseUrl, agentUser);
  patient = await openPatientPhone();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cms?.stop();
  await kamailio?.stop();
});

describe('a patient calling the support number through Kamailio', () => {
  it('pops up for the agent, is answered in the softphone, and ends as an answered call in a ticket', async () => {
    await expect
      .poll(() => phoneOf(agent).getByText('Телефон готов').isVisible(), { timeout: 30_000 })
      .toBe(true);
    const callId = await callSupport(patient);

    const popup = agent.getByRole('alertdialog', { name: 'Входящий звонок: Анна Кузнецова' });
    await expect.poll(() => popup.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Ответить' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await phoneOf(agent).getByRole('button', { name: 'Ответить' }).click();
    await expect.poll(patientCallState, { timeout: 10_000 }).toBe('talking');
    for (const page of [agent, patient]) {
      await expect.poll(() => audioPacketsReceived(page), { timeout: 20_000 }).toBeGreaterThan(0);
    }
    await expect.poll(async () => (await callRecord(callId))?.status).toBe('talking');

    await hangUpPatient();
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Позвонить' }).isVisible())
      .toBe(true);
    await expect.poll(async () => (await callRecord(callId))?.ticket?.number).toBeTruthy();
    const call = await callRecord(callId);
    expect(call).toMatchObject({
      direction: 'in',
      fromNumber: PATIENT,
      toNumber: 'support',
      status: 'ended',
      result: 'answered',
      cause: 'normalClearing',
    });
    expect(call.agent.id).toBe(agentUser.id);
    expect(call.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(await cms.strapi.db.query('plugin::telephony.call').count()).toBe(1);
  });

  it('records a call the patient gives up on while it rings as missed, with a call-back ticket', async () => {
    const callId = await callSupport(patient);
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Ответить' }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await hangUpPatient();
    await expect.poll(patientCallState).toBe('failed');
    await expect
      .poll(() => phoneOf(agent).getByRole('button', { name: 'Ответить' }).isVisible())
      .toBe(false);

    // The ticket is linked first, then tagged with the call-back task.
    await expect
      .poll(async () => (await callRecord(callId))?.ticket?.tags ?? [])
      .toContain('call-back');
    expect(await callRecord(callId)).toMatchObject({
      fromNumber: PATIENT,
      status: 'ended',
      result: 'missed',
      cause: 'cancel',
      agent: null,
    });
  });
});
