import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { runExample } from '@vixenhealth/tooling/testing/run-example';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson } from '@vixenhealth/tooling/testing/people';
import { decide, postReview, reviewData } from '@vixenhealth/tooling/testing/reviews-api';

/** The guide "Врачи и отзывы клиники на своём сайте": its example, run against the real CMS. */

const EXAMPLE = path.resolve(import.meta.dirname, '..', 'doctors-and-reviews.mjs');
const SCRIPT_TEXT = 'Всё прошло хорошо, врач внимательный. <script>alert("xss")</script>';

let id: IdTest;
let subdomain: string;

const run = (clinic: string) => runExample(EXAMPLE, { CMS_URL: id.cms.baseUrl, CLINIC: clinic });

beforeAll(async () => {
  id = await startIdTest();
  const { cms } = id;
  const make = fixtures(cms.strapi);
  const specialty = await make.specialty({ name: 'Кардиолог' });
  const clinic = await make.clinic({ name: 'Клиника «Сердце & Ко»' });
  subdomain = clinic.subdomain as string;
  await make.doctor({
    fullName: 'Петрова Мария Ивановна',
    clinics: [clinic.documentId],
    specialty: specialty.documentId,
    experienceYears: 12,
  });
  await make.doctor(
    { fullName: 'Черновик Неопубликованный', clinics: [clinic.documentId] },
    'draft'
  );
  const elsewhere = await make.clinic();
  await make.doctor({ fullName: 'Сидоров Другой Клиники', clinics: [elsewhere.documentId] });

  // Reviews are written by people and reach the public once a moderator approves them.
  const moderator = await createModerator(cms);
  const atClinic = { targetType: 'clinic', clinic: clinic.documentId };
  const approved = await postReview(
    cms,
    (await createPerson(id, 'Анна Кузнецова')).token,
    reviewData(atClinic, { rating: 4, title: 'Хорошо <b>и</b> быстро', text: SCRIPT_TEXT })
  );
  expect(approved.status).toBe(201);
  expect(
    (await decide(cms, moderator.token, 'approve', [approved.body.data.documentId])).status
  ).toBe(200);
  const pending = await postReview(
    cms,
    (await createPerson(id, 'Борис Орлов')).token,
    reviewData(atClinic, { rating: 1, title: 'Ждёт модерации' })
  );
  expect(pending.status).toBe(201);
}, 180_000);
afterAll(() => id?.stop());

describe('the doctors-and-reviews example', () => {
  it("prints the clinic's published doctors, with specialty and experience, and no one else", async () => {
    const { code, stdout } = await run(subdomain);
    expect(code).toBe(0);
    expect(stdout).toContain('<h2>Клиника «Сердце &#38; Ко»</h2>');
    expect(stdout).toContain('<li>Петрова Мария Ивановна — Кардиолог, стаж 12 лет</li>');
    expect(stdout).not.toContain('Черновик');
    expect(stdout).not.toContain('Сидоров');
  });

  it('prints approved reviews only, with the rating summary, every text escaped', async () => {
    const { stdout } = await run(subdomain);
    expect(stdout).toContain('<h4>Хорошо &#60;b&#62;и&#60;/b&#62; быстро</h4>');
    expect(stdout).toContain('&#60;script&#62;alert(&#34;xss&#34;)&#60;/script&#62;');
    expect(stdout).not.toMatch(/<script|<b>/);
    expect(stdout).toContain('★★★★☆');
    expect(stdout).toContain('Анна К.');
    expect(stdout).toContain('Средняя оценка 4 из 5, 1 отзыв');
    expect(stdout).not.toContain('Ждёт модерации');
  });

  it("prints the clinic's reply under its review (the demo clinic's)", async () => {
    const { code, stdout } = await run('lisya-tropa');
    expect(code).toBe(0);
    expect(stdout).toContain('Внимательные врачи и уютно');
    expect(stdout).toMatch(/<blockquote>Ответ клиники: Спасибо за тёплый отзыв!/);
    expect(stdout).toContain('Пришла на приём к терапевту');
  });

  it('says so, with exit code 1, when no published clinic has the subdomain', async () => {
    const { code, stdout, stderr } = await run('no-such-clinic');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('No published clinic at the subdomain no-such-clinic');
  });
});
