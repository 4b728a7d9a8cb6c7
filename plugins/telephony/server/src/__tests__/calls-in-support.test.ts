import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDeskUser, type SignedInDeskUser } from '@vixenhealth/tooling/testing/desk-people';
import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { openSse } from '@vixenhealth/tooling/testing/sse-client';
import { startTestCms, type TestCms } from '@vixenhealth/tooling/testing/strapi-harness';

import type { CallEvent, CallNotice } from '../../../shared/contracts';
import type { IntegrationRow } from '../integrations/integration-row';

/**
 * Calls at the Support desk, through the real CMS: who calls is found by their number, the
 * pop-up reaches the group's available agents only, and every call ends in a ticket.
 */

let cms: TestCms;
let integration: IntegrationRow;
let agent: SignedInDeskUser;
let awayAgent: SignedInDeskUser;
let otherGroupAgent: SignedInDeskUser;
let streams: Record<'agent' | 'away' | 'other', Awaited<ReturnType<typeof openSse>>>;
let clinicId: string;

const PATIENT = '+79161234567';
const CLINIC_PHONE = '+74957654321';
const CONTACT = '+79035550101';
const SUPPORT_LINE = '+78005553535';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, seconds));

const event = (
  kind: CallEvent['kind'],
  callId: string,
  seconds: number,
  extra: Partial<CallEvent> = {}
): CallEvent => ({
  eventId: `${callId}-${kind}`,
  kind,
  callId,
  direction: 'in',
  from: PATIENT,
  to: SUPPORT_LINE,
  occurredAt: at(seconds),
  ...extra,
});

const calls = () => cms.strapi.plugin('telephony').service('calls');
const ticketOf = (number: string) =>
  cms.strapi.db.query('plugin::support.ticket').findOne({
    where: { number },
    populate: { group: { select: ['slug'] } },
  });
const messagesOf = (number: string) =>
  cms.strapi.db
    .query('plugin::support.ticket-message')
    .findMany({ where: { ticket: { number } }, orderBy: { id: 'asc' } });
const callRow = (callId: string) =>
  cms.strapi.db
    .query('plugin::telephony.call')
    .findOne({ where: { callId }, populate: { ticket: { select: ['number'] } } });
const statusOf = async (user: SignedInDeskUser) =>
  (await cms.strapi.db.query('plugin::support.agent').findOne({ where: { user: { id: user.id } } }))
    .status;

const noticesFor = (callId: string) => (event: { event: string; data: string }) =>
  event.event === 'notice' && (JSON.parse(event.data).data as CallNotice).call.callId === callId;

const popupOf = async (callId: string) =>
  JSON.parse((await streams.agent.waitFor(noticesFor(callId))).data).data as CallNotice;

beforeAll(async () => {
  cms = await startTestCms();
  const telephony = cms.strapi.plugin('telephony').service('integrations');
  const created = await telephony.create({
    name: 'Линия поддержки',
    kind: 'cti',
    group: 'technical',
  });
  integration = (await telephony.findByToken(created.token))!;

  agent = await createDeskUser(cms, 'support-agent', { groups: ['technical'], available: true });
  awayAgent = await createDeskUser(cms, 'support-agent', { groups: ['technical'] });
  otherGroupAgent = await createDeskUser(cms, 'support-agent', {
    groups: ['billing'],
    available: true,
  });
  const stream = (user: SignedInDeskUser) => openSse(`${cms.baseUrl}/support/events`, user.token);
  streams = {
    agent: await stream(agent),
    away: await stream(awayAgent),
    other: await stream(otherGroupAgent),
  };

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
  clinicId = (await fixtures(cms.strapi).clinic({ phones: [{ number: CLINIC_PHONE }] })).documentId;
  await cms.strapi
    .plugin('support')
    .service('intake')
    .receive({
      channel: 'sms',
      externalId: `sms-${randomBytes(4).toString('hex')}`,
      from: { phone: CONTACT, name: 'Пётр Иванов' },
      text: 'Не могу записаться к врачу',
      receivedAt: new Date(),
      attachments: [],
    });
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(streams ?? {}).map((stream) => stream.close()));
  await cms?.stop();
});

describe('a ringing call', () => {
  it('pops up at the available agents of its group with the ID user who calls, and nowhere else', async () => {
    await calls().ingest(integration, event('newCall', 'pop-1', 0));
    const popup = await popupOf('pop-1');
    expect(popup.caller).toMatchObject({ kind: 'user', name: 'Анна Кузнецова', phone: PATIENT });
    expect(popup.caller!.userId).toBeGreaterThan(0);

    // The pop-up closes once answered, for the same agent.
    await calls().ingest(integration, event('answer', 'pop-1', 5));
    await streams.agent.waitFor(
      (frame) => noticesFor('pop-1')(frame) && JSON.parse(frame.data).data.caller === null
    );
    expect(streams.away.events.filter(noticesFor('pop-1'))).toEqual([]);
    expect(streams.other.events.filter(noticesFor('pop-1'))).toEqual([]);
  });

  it('names a clinic by one of its phones, and a ticket contact with their open ticket', async () => {
    await calls().ingest(integration, event('newCall', 'pop-2', 0, { from: '8 (495) 765-43-21' }));
    expect((await popupOf('pop-2')).caller).toMatchObject({ kind: 'clinic', clinic: clinicId });

    await calls().ingest(integration, event('newCall', 'pop-3', 0, { from: CONTACT }));
    const contact = (await popupOf('pop-3')).caller!;
    expect(contact).toMatchObject({ kind: 'contact', name: 'Пётр Иванов' });
    expect(contact.openTickets.map((ticket) => ticket.subject)).toEqual([
      'Не могу записаться к врачу',
    ]);
  });
});

describe('every call in a ticket', () => {
  it('turns a missed call into a ticket of the line’s group with a call-back task, once', async () => {
    const caller = '+79267770011';
    await calls().ingest(integration, event('newCall', 'missed-1', 0, { from: caller }));
    const hangup = event('hangup', 'missed-1', 30, { from: caller, cause: 'noAnswer' });
    await calls().ingest(integration, hangup);
    await calls().ingest(integration, { ...hangup, eventId: 'missed-1-hangup-again' });

    const call = await callRow('missed-1');
    expect(call.result).toBe('missed');
    const ticket = await ticketOf(call.ticket.number);
    expect(ticket).toMatchObject({ channel: 'phone', requesterPhone: caller });
    expect(ticket.group.slug).toBe('technical');
    expect(ticket.tags).toContain('call-back');
    const messages = await messagesOf(ticket.number);
    expect(messages.map((message: { kind: string }) => message.kind)).toEqual(['reply', 'note']);
    expect(messages[0].text).toContain('пропущен');
    expect(messages[1].text).toContain(`Перезвонить: ${caller}`);
  });

  it('links an answered call to the ticket the agent picked, and keeps them busy meanwhile', async () => {
    const chosen = await cms.strapi
      .plugin('support')
      .service('intake')
      .receive({
        channel: 'email',
        externalId: `mail-${randomBytes(4).toString('hex')}`,
        from: { email: 'anna@example.org' },
        subject: 'Перенос записи',
        text: 'Прошу перенести запись',
        receivedAt: new Date(),
        attachments: [],
      });
    await calls().ingest(integration, event('newCall', 'picked-1', 0));
    const { call } = await popupOf('picked-1');

    // An agent of another group cannot link it to a ticket they do not see.
    const refused = await cms.request(`/telephony/calls/${call.id}/ticket`, {
      method: 'POST',
      token: otherGroupAgent.token,
      body: { number: chosen.ticketNumber },
    });
    expect(refused.status).toBe(404);
    const bad = await cms.request(`/telephony/calls/${call.id}/ticket`, {
      method: 'POST',
      token: agent.token,
      body: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['number']);

    const picked = await cms.request(`/telephony/calls/${call.id}/ticket`, {
      method: 'POST',
      token: agent.token,
      body: { number: chosen.ticketNumber },
    });
    expect(picked.status).toBe(200);

    await calls().ingest(integration, event('answer', 'picked-1', 10, { user: [agent.email] }));
    expect(await statusOf(agent)).toBe('busy');
    await calls().ingest(integration, event('hangup', 'picked-1', 70, { cause: 'normalClearing' }));
    expect(await statusOf(agent)).toBe('available');

    expect((await callRow('picked-1')).ticket.number).toBe(chosen.ticketNumber);
    const notes = (await messagesOf(chosen.ticketNumber)).filter(
      (message: { kind: string }) => message.kind === 'note'
    );
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toContain('разговор 1 мин 0 с');
    expect(notes[0].text).toContain('состоялся');

    const listed = await cms.request(`/telephony/tickets/${chosen.ticketNumber}/calls`, {
      token: agent.token,
    });
    expect(listed.body.calls.map((listedCall: { callId: string }) => listedCall.callId)).toEqual([
      'picked-1',
    ]);
  });
});
