import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, type Person } from '@vixenhealth/tooling/testing/people';

/**
 * The contact form's endpoint: a signed-in person files a request (JSON or multipart with
 * files), reads their own thread and answers it; nobody else sees it.
 */

let id: IdTest;
let anna: Person;
let boris: Person;

beforeAll(async () => {
  id = await startIdTest();
  [anna, boris] = [await createPerson(id), await createPerson(id, 'Борис Петров')];
});
afterAll(() => id?.stop());

const post = (token: string | undefined, body: unknown) =>
  id.cms.request('/api/support/tickets', { method: 'POST', token, body });

const multipart = async (
  token: string,
  fields: Record<string, string>,
  files: { name: string; content: Buffer; type: string }[]
) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append('files', new Blob([new Uint8Array(file.content)], { type: file.type }), file.name);
  const response = await fetch(`${id.cms.baseUrl}/api/support/tickets`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
};

describe('POST /api/support/tickets', () => {
  it('answers 201 with the ticket number to a signed-in person, 401 to anyone else', async () => {
    const created = await post(anna.token, {
      subject: 'Не могу записаться',
      body: 'Кнопка не работает',
    });
    expect(created.status).toBe(201);
    expect(created.body.number).toMatch(/^VH-\d{5,}$/);

    const anonymous = await post(undefined, { subject: 'Тема', body: 'Текст' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.name).toBe('UnauthorizedError');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await id.cms.strapi.db.query('plugin::support.ticket').count();
    const cases = [
      [{ body: 'Текст' }, 'subject'],
      [{ subject: 'Тема', body: '' }, 'body'],
      [{ subject: 'x'.repeat(201), body: 'Текст' }, 'subject'],
      [{ subject: 'Тема', body: 'Текст', priority: 'urgent' }, 'priority'],
    ] as const;
    for (const [body, field] of cases) {
      const answer = await post(anna.token, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.details.errors[0].path).toEqual([field]);
    }
    expect(await id.cms.strapi.db.query('plugin::support.ticket').count()).toBe(before);
  });

  it('takes files by content, and refuses an oversized one without writing anything', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    const created = await multipart(
      anna.token,
      { subject: 'Скриншот ошибки', body: 'Прикладываю' },
      [{ name: 'screen.exe', content: png, type: 'application/x-msdownload' }]
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const thread = await id.cms.request(`/api/support/tickets/${created.body.number}`, {
      token: anna.token,
    });
    const [file] = thread.body.data.messages[0].attachments;
    expect(file.name).toMatch(/\.png$/);

    const before = await id.cms.strapi.db.query('plugin::support.ticket').count();
    const huge = await multipart(anna.token, { subject: 'Большой файл', body: 'Вот' }, [
      { name: 'big.log', content: Buffer.alloc(11 * 1024 * 1024, 97), type: 'text/plain' },
    ]);
    expect(huge.status).toBe(400);
    expect(huge.body.error.details.errors[0].path[0]).toBe('files');
    expect(await id.cms.strapi.db.query('plugin::support.ticket').count()).toBe(before);
  });

  it('shows a person their own requests only, and takes their answer into the thread', async () => {
    const { body } = await post(anna.token, {
      subject: 'Вопрос об оплате',
      body: 'Списали дважды',
    });
    const mine = await id.cms.request('/api/support/tickets', { token: anna.token });
    expect(mine.body.data.map((ticket: { number: string }) => ticket.number)).toContain(
      body.number
    );
    const theirs = await id.cms.request('/api/support/tickets', { token: boris.token });
    expect(theirs.body.data.map((ticket: { number: string }) => ticket.number)).not.toContain(
      body.number
    );

    expect(
      (await id.cms.request(`/api/support/tickets/${body.number}`, { token: boris.token })).status
    ).toBe(404);
    const foreignReply = await id.cms.request(`/api/support/tickets/${body.number}/messages`, {
      method: 'POST',
      token: boris.token,
      body: { body: 'Чужой ответ' },
    });
    expect(foreignReply.status).toBe(404);

    const reply = await id.cms.request(`/api/support/tickets/${body.number}/messages`, {
      method: 'POST',
      token: anna.token,
      body: { body: 'Дополняю: карта заканчивается на 1234' },
    });
    expect(reply.status).toBe(201);
    const thread = await id.cms.request(`/api/support/tickets/${body.number}`, {
      token: anna.token,
    });
    expect(thread.body.data.messages.map((message: { text: string }) => message.text)).toEqual([
      'Списали дважды',
      'Дополняю: карта заканчивается на 1234',
    ]);
  });

  it("keeps a patient's clinic as context, and refuses a clinic that does not exist", async () => {
    const clinic = await id.cms.strapi.db.query('api::clinic.clinic').findOne({});
    const answer = await post(anna.token, {
      subject: 'О клинике',
      body: 'Вопрос',
      clinic: clinic.documentId,
    });
    expect(answer.status).toBe(201);
    const ticket = await id.cms.strapi.db
      .query('plugin::support.ticket')
      .findOne({ where: { number: answer.body.number }, populate: { group: true } });
    expect(ticket.clinic).toBe(clinic.documentId);
    // Only a clinic's own team lands with the Clinics group.
    expect(ticket.group.slug).toBe('technical');

    const unknown = await post(anna.token, {
      subject: 'О клинике',
      body: 'Вопрос',
      clinic: 'nosuchclinic0000',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual(['clinic']);
  });
});
