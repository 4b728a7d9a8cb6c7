import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtures } from '@vixenhealth/tooling/testing/fixtures';
import { requestByHost } from '@vixenhealth/tooling/testing/host-request';
import { startIdTest, type IdTest } from '@vixenhealth/tooling/testing/id-test';
import { createModerator, createPerson, type Person } from '@vixenhealth/tooling/testing/people';

import { placeAllAttachments } from '../attachment-placement';
import { uploadFolders } from '../upload-locations';
import { decide, postReview, reviewData } from './support/reviews-api';

/**
 * Issue 18, finding 3: files of reviews nobody may see yet were reachable under /uploads, through
 * their derived formats and through other spellings of their path. Here the probe is run again
 * against every state a review passes through.
 */

let id: IdTest;
let moderator: { token: string };
let clinic: string;
let privateUploads: string;

/** A photo large enough for thumbnail, small, medium and large formats. */
const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c86432' } })
    .png()
    .toBuffer();

interface StoredPhoto {
  review: string;
  fileId: number;
  /** The stored names of the original and of each format, as the upload plugin made them. */
  names: string[];
}

const submitPhoto = async (author: Person, overrides: Record<string, unknown> = {}) => {
  const created = await postReview(
    id.cms,
    author.token,
    reviewData({ targetType: 'clinic', clinic }, { rating: 3, ...overrides }),
    [{ name: 'probe.png', content: await photo(), type: 'image/png' }]
  );
  expect(created.status).toBe(201);
  const [attachment] = created.body.data.attachments;
  const file = await id.cms.strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: attachment.id } });
  const formats = file.formats as Record<string, { hash: string; ext: string }>;
  expect(Object.keys(formats)).toEqual(
    expect.arrayContaining(['thumbnail', 'small', 'medium', 'large'])
  );
  return {
    review: created.body.data.documentId as string,
    fileId: attachment.id as number,
    names: [file, ...Object.values(formats)].map(({ hash, ext }) => `${hash}${ext}`),
  } satisfies StoredPhoto;
};

/** Every way the probe spelled the public address of a stored name, sent as raw paths. */
const spellingsOf = (name: string) => [
  `/uploads/${name}`,
  `/uploads/%${name.charCodeAt(0).toString(16)}${name.slice(1)}`,
  `/uploads//${name}`,
  `/uploads/./${name}`,
  `/x/../uploads/${name}`,
];

const anonymousStatus = (rawPath: string) => {
  const port = Number(new URL(id.cms.baseUrl).port);
  return requestByHost(port, { host: `127.0.0.1:${port}`, path: rawPath }).then(
    (response) => response.status
  );
};

const storedIn = (location: 'public' | 'private', names: string[]) =>
  names.filter((name) => existsSync(path.join(uploadFolders(id.cms.strapi)[location], name)));

/** No spelling of any of the photo's addresses answers, and nothing of it is in the public folder. */
const expectUnreachable = async ({ names }: StoredPhoto) => {
  const answers: Record<string, number> = {};
  for (const name of names) {
    for (const spelling of spellingsOf(name)) answers[spelling] = await anonymousStatus(spelling);
  }
  expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((key) => [key, 404])));
  expect(storedIn('public', names)).toEqual([]);
};

/** The original and every format answer at their public address. */
const expectPublic = async ({ names }: StoredPhoto) => {
  for (const name of names) expect(await anonymousStatus(`/uploads/${name}`), name).toBe(200);
};

/** The author and moderators still get the original through their signed-in routes. */
const expectReachableBySignedIn = async (author: Person, { review, fileId }: StoredPhoto) => {
  const asAuthor = await fetch(
    `${id.cms.baseUrl}/api/reviews/mine/${review}/attachments/${fileId}`,
    { headers: { authorization: `Bearer ${author.token}` } }
  );
  expect(asAuthor.status).toBe(200);
  expect(asAuthor.headers.get('content-type')).toBe('image/png');
  const asModerator = await fetch(
    `${id.cms.baseUrl}/review-moderation/reviews/${review}/attachments/${fileId}`,
    { headers: { authorization: `Bearer ${moderator.token}` } }
  );
  expect(asModerator.status).toBe(200);
  const bytes = Buffer.from(await asModerator.arrayBuffer());
  expect((await sharp(bytes).metadata()).format).toBe('png');
};

beforeAll(async () => {
  // A private folder of this test's own (set as an absolute path), so that nothing else writes there.
  privateUploads = await mkdtemp(path.join(tmpdir(), 'vixenhealth-private-uploads-'));
  id = await startIdTest({ env: { PRIVATE_UPLOADS_DIR: privateUploads } });
  moderator = await createModerator(id.cms);
  clinic = (await fixtures(id.cms.strapi).clinic()).documentId;
});
afterAll(async () => {
  await id?.stop();
  await rm(privateUploads, { recursive: true, force: true });
});

describe('files of a review that is not public', () => {
  it('are nowhere under /uploads while pending, public once approved, gone again once hidden', async () => {
    const author = await createPerson(id);
    const stored = await submitPhoto(author);

    await expectUnreachable(stored);
    await expectReachableBySignedIn(author, stored);

    const approved = await decide(id.cms, moderator.token, 'approve', [stored.review]);
    expect(approved.body.data[0]).toMatchObject({ ok: true, status: 'approved' });
    await expectPublic(stored);
    await expectReachableBySignedIn(author, stored);

    const hidden = await decide(id.cms, moderator.token, 'hide', [stored.review], {
      reason: 'Жалобы',
    });
    expect(hidden.body.data[0]).toMatchObject({ ok: true, status: 'hidden' });
    await expectUnreachable(stored);
    await expectReachableBySignedIn(author, stored);

    await decide(id.cms, moderator.token, 'approve', [stored.review]);
    await expectPublic(stored);
  });

  it('stay public, and the review approved, when hiding fails midway', async () => {
    const author = await createPerson(id);
    const stored = await submitPhoto(author);
    await decide(id.cms, moderator.token, 'approve', [stored.review]);
    // A folder in the way of the last format: the parts before it are moved out, then it fails.
    const blocked = path.join(uploadFolders(id.cms.strapi).private, stored.names.at(-1)!);
    await mkdir(blocked);
    try {
      const hidden = await decide(id.cms, moderator.token, 'hide', [stored.review], {
        reason: 'Жалобы',
      });
      expect(hidden.body.data[0]).toMatchObject({ ok: false });
    } finally {
      await rmdir(blocked);
    }
    expect((await id.cms.request(`/api/reviews/${stored.review}`)).status).toBe(200);
    await expectPublic(stored);
    expect(storedIn('private', stored.names)).toEqual([]);

    await decide(id.cms, moderator.token, 'hide', [stored.review], { reason: 'Жалобы' });
    await expectUnreachable(stored);
  });

  it('stay out of /uploads when the review is rejected', async () => {
    const author = await createPerson(id);
    const stored = await submitPhoto(author);
    await decide(id.cms, moderator.token, 'reject', [stored.review], { reason: 'Не о приёме' });
    await expectUnreachable(stored);
    await expectReachableBySignedIn(author, stored);
  });

  it('stay out of /uploads when a private review is approved', async () => {
    const author = await createPerson(id);
    const stored = await submitPhoto(author, { visibility: 'private' });
    await decide(id.cms, moderator.token, 'approve', [stored.review]);
    await expectUnreachable(stored);
    await expectReachableBySignedIn(author, stored);
  });

  it('are gone, public or not, when their author deletes the account', async () => {
    const author = await createPerson(id);
    const pending = await submitPhoto(author, { title: 'Ждёт проверки' });
    const published = await submitPhoto(author, {
      targetType: 'platform',
      clinic: undefined,
      title: 'Опубликован',
    });
    await decide(id.cms, moderator.token, 'approve', [published.review]);
    await expectPublic(published);

    await id.cms.strapi
      .documents('plugin::users-permissions.user')
      .delete({ documentId: author.documentId });

    for (const stored of [pending, published]) {
      await expectUnreachable(stored);
      expect(storedIn('private', stored.names)).toEqual([]);
    }
    const left = await id.cms.strapi.db
      .query('plugin::upload.file')
      .count({ where: { id: { $in: [pending.fileId, published.fileId] } } });
    expect(left).toBe(0);
  });
});

/**
 * Moves a photo's bytes by hand, as a stop midway through a move or an older version of the CMS
 * may have left them; `record` also points its database row there, as the older version did.
 */
const moveByHand = async (
  { fileId, names }: StoredPhoto,
  to: 'public' | 'private',
  { record }: { record: boolean }
) => {
  const folders = uploadFolders(id.cms.strapi);
  const from = to === 'public' ? 'private' : 'public';
  for (const name of names)
    await rename(path.join(folders[from], name), path.join(folders[to], name));
  if (!record) return;
  const files = id.cms.strapi.db.query('plugin::upload.file');
  const row = await files.findOne({ where: { id: fileId } });
  const publicUrl = (part: { hash: string; ext: string }) => `/uploads/${part.hash}${part.ext}`;
  await files.update({
    where: { id: fileId },
    data: {
      url: publicUrl(row),
      formats: Object.fromEntries(
        Object.entries(row.formats as Record<string, { hash: string; ext: string }>).map(
          ([key, part]) => [key, { ...part, url: publicUrl(part) }]
        )
      ),
    },
  });
};

describe('at start', () => {
  it('moves out files an older version left public, and finishes a publication a stop cut short', async () => {
    const author = await createPerson(id);
    const leftPublic = await submitPhoto(author, { title: 'Из старой версии' });
    const cutShort = await submitPhoto(author, {
      targetType: 'platform',
      clinic: undefined,
      title: 'Одобрен перед остановкой',
    });
    await decide(id.cms, moderator.token, 'approve', [cutShort.review]);
    await moveByHand(leftPublic, 'public', { record: true });
    await moveByHand(cutShort, 'private', { record: false });
    expect(await anonymousStatus(`/uploads/${leftPublic.names[0]}`)).toBe(200);
    expect(await anonymousStatus(`/uploads/${cutShort.names[0]}`)).toBe(404);

    await placeAllAttachments(id.cms.strapi);

    await expectUnreachable(leftPublic);
    await expectReachableBySignedIn(author, leftPublic);
    await expectPublic(cutShort);
    expect(storedIn('private', cutShort.names)).toEqual([]);
  });
});
