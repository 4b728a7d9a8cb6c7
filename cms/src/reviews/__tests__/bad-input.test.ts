import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { filesOnDisk, postReview, reviewData, sample, type Upload } from './support/reviews-api';

let id: IdTest;
let author: Person;
let clinic: string;

const count = async () => ({
  reviews: await id.cms.strapi.db.query('api::review.review').count(),
  files: await id.cms.strapi.db.query('plugin::upload.file').count(),
  onDisk: await filesOnDisk(id.cms.strapi),
});

beforeAll(async () => {
  id = await startIdTest();
  author = await createPerson(id);
  clinic = (await fixtures(id.cms.strapi).clinic()).documentId;
});
afterAll(async () => id?.stop());

const MB = 1024 * 1024;
const atClinic = (overrides: Record<string, unknown> = {}) =>
  reviewData({ targetType: 'clinic', clinic }, overrides);

describe('a review that breaks a rule is refused with the field named, and nothing is kept', () => {
  it.each<[string, () => Record<string, unknown>, Upload[], number, string[]]>([
    ['rating 0', () => atClinic({ rating: 0 }), [], 400, ['rating']],
    ['rating 6', () => atClinic({ rating: 6 }), [], 400, ['rating']],
    ['rating 3.5', () => atClinic({ rating: 3.5 }), [], 400, ['rating']],
    ['rating "5"', () => atClinic({ rating: '5' }), [], 400, ['rating']],
    ['a criterion 0', () => atClinic({ cleanliness: 0 }), [], 400, ['cleanliness']],
    ['an empty text', () => atClinic({ text: '' }), [], 400, ['text']],
    ['a text of spaces', () => atClinic({ text: '   \n\n  ' }), [], 400, ['text']],
    ['an over-long text', () => atClinic({ text: 'а'.repeat(5001) }), [], 400, ['text']],
    ['an over-long title', () => atClinic({ title: 'а'.repeat(121) }), [], 400, ['title']],
    ['a visit in the future', () => atClinic({ visitMonth: '2999-01' }), [], 400, ['visitMonth']],
    [
      'an unknown field',
      () => atClinic({ moderationStatus: 'approved' }),
      [],
      400,
      ['moderationStatus'],
    ],
    [
      'a nonexistent clinic',
      () => reviewData({ targetType: 'clinic', clinic: 'doesnotexist000000000000' }),
      [],
      400,
      ['clinic'],
    ],
    [
      'no target',
      () => ({ rating: 5, title: 'Хорошо', text: 'x'.repeat(30) }),
      [],
      400,
      ['targetType'],
    ],
    ['two targets', () => reviewData({ targetType: 'platform', clinic }), [], 400, ['clinic']],
    [
      'an .exe renamed .log',
      () => atClinic(),
      [{ name: 'debug.log', content: sample.exe() }],
      400,
      ['files', 'debug.log'],
    ],
    [
      'a PNG named .jpg',
      () => atClinic(),
      [{ name: 'photo.jpg', content: sample.png() }],
      400,
      ['files', 'photo.jpg'],
    ],
    [
      'an SVG',
      () => atClinic(),
      [{ name: 'image.svg', content: Buffer.from('<svg onload="alert(1)"/>') }],
      400,
      ['files', 'image.svg'],
    ],
    [
      'an oversized image',
      () => atClinic(),
      [{ name: 'big.png', content: sample.png(6 * MB) }],
      400,
      ['files', 'big.png'],
    ],
    [
      'too many files',
      () => atClinic(),
      Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.png`, content: sample.png() })),
      400,
      ['files'],
    ],
    [
      'a good file after a bad one',
      () => atClinic(),
      [
        { name: 'good.png', content: sample.png() },
        { name: 'bad.json', content: Buffer.from('{ not json') },
      ],
      400,
      ['files', 'bad.json'],
    ],
  ])('%s', async (_label, data, files, status, fieldPath) => {
    const before = await count();
    const response = await postReview(id.cms, author.token, data(), files);
    expect(response.status).toBe(status);
    expect(response.body.error.details.errors[0].path).toEqual(fieldPath);
    expect(response.body.error.message).toBeTruthy();
    expect(await count()).toEqual(before);
  });

  it('keeps HTML and script tags as the text they are', async () => {
    const text = 'Всё хорошо <script>alert("x")</script> <b>жирный</b> & «кавычки», правда.';
    const response = await postReview(id.cms, author.token, atClinic({ text }));
    expect(response.status).toBe(201);
    expect(response.body.data.text).toBe(text);
    const stored = await id.cms.strapi.db
      .query('api::review.review')
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored.text).toBe(text);
  });

  it('refuses a second public review of the same clinic within 30 days, keeping nothing', async () => {
    const before = await count();
    const second = await postReview(id.cms, author.token, atClinic({ title: 'Ещё раз' }), [
      { name: 'photo.png', content: sample.png() },
    ]);
    expect(second.status).toBe(429);
    expect(second.body.error.details).toMatchObject({ rule: 'same-target' });
    expect(await count()).toEqual(before);

    // A private one about the same clinic is another matter.
    const privately = await postReview(id.cms, author.token, atClinic({ visibility: 'private' }));
    expect(privately.status).toBe(201);
  });

  it('refuses a sixth review in a day', async () => {
    const writer = await createPerson(id, 'Вера Писатель');
    for (let index = 0; index < 5; index += 1) {
      const response = await postReview(
        id.cms,
        writer.token,
        reviewData({ targetType: 'platform' }, { visibility: 'private', title: `Отзыв ${index}` })
      );
      expect(response.status).toBe(201);
    }
    const sixth = await postReview(id.cms, writer.token, reviewData({ targetType: 'platform' }));
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.details).toMatchObject({ rule: 'daily-limit' });
  });

  it('answers 401 to a review without sign-in, and keeps nothing', async () => {
    const before = await count();
    const response = await postReview(id.cms, undefined, atClinic());
    expect(response.status).toBe(401);
    expect(await count()).toEqual(before);
  });
});
