import type { Core, UID } from '@strapi/strapi';

import { CLINIC, DOCTOR, REPLY, REVIEW } from '../content-types/uids';
import type { ReviewTarget } from '../contracts';
import { publicAuthorName } from '../reviews/author-name';
import { recountRatingSummary } from '../reviews/rating-summary';
import { targetKey } from '../reviews/target';

type Status = 'approved' | 'pending';

interface DemoReview {
  target: { clinic: string } | { doctor: string } | 'platform';
  status: Status;
  visibility: 'public' | 'private';
  rating: number;
  criteria?: Record<string, number>;
  title: string;
  text: string;
  visitMonth?: string;
  /** The owner's approved reply. */
  reply?: string;
}

/**
 * The demo patient's reviews: approved and public (one answered by the clinic), one waiting for
 * moderation, and a private bug report that only Support sees.
 */
export const DEMO_REVIEWS: DemoReview[] = [
  {
    target: { clinic: 'lisya-tropa' },
    status: 'approved',
    visibility: 'public',
    rating: 5,
    criteria: { attentiveness: 5, explanations: 5, waitingTime: 4, cleanliness: 5 },
    title: 'Внимательные врачи и уютно',
    text: 'Пришла на приём к терапевту без записи заранее — приняли в тот же день.\n\nВрач всё подробно объяснил и расписал лечение.',
    visitMonth: '2026-09',
    reply: 'Спасибо за тёплый отзыв! Будем рады видеть вас снова.',
  },
  {
    target: { doctor: 'ivanova-anna-sergeevna' },
    status: 'approved',
    visibility: 'public',
    rating: 4,
    criteria: { attentiveness: 5, explanations: 4 },
    title: 'Хороший терапевт',
    text: 'Анна Сергеевна выслушала все жалобы, назначила анализы и объяснила результаты. Немного подождала в коридоре.',
    visitMonth: '2026-10',
  },
  {
    target: { clinic: 'ryzhiy-khvost' },
    status: 'pending',
    visibility: 'public',
    rating: 3,
    title: 'Долго ждала приёма',
    text: 'Записалась на 10:00, приняли только в 10:40. Сам приём прошёл хорошо, но ожидание утомило.',
  },
  {
    target: 'platform',
    status: 'pending',
    visibility: 'private',
    rating: 2,
    title: 'Ошибка при записи',
    text: 'При выборе времени приём не сохраняется: страница выдаёт ошибку. Прикладываю описание шагов.',
  },
];

/**
 * Writes the demo reviews that are missing (found by author and title), and recounts the
 * ratings they count in. Demo data, so written directly: real reviews go through moderation.
 */
export const ensureDemoReviews = async (
  strapi: Core.Strapi,
  people: { patient: number; owner: number | null },
  ids: { clinics: Map<string, string>; doctors: Map<string, string> }
): Promise<number> => {
  let created = 0;
  for (const demo of DEMO_REVIEWS) {
    const existing = await strapi.db
      .query(REVIEW)
      .findOne({ where: { title: demo.title, author: { id: people.patient } }, select: ['id'] });
    if (existing) continue;

    const target: ReviewTarget =
      demo.target === 'platform'
        ? { type: 'platform' }
        : 'clinic' in demo.target
          ? { type: 'clinic', documentId: ids.clinics.get(demo.target.clinic)! }
          : { type: 'doctor', documentId: ids.doctors.get(demo.target.doctor)! };
    const relation = async (uid: UID.ContentType, documentId: string) =>
      (
        await strapi.db
          .query(uid)
          .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['id'] })
      )?.id ?? null;

    await strapi.db.transaction(async ({ trx }) => {
      const reply =
        demo.reply && people.owner
          ? await strapi.db.query(REPLY).create({
              data: {
                text: demo.reply,
                clinicName: 'Лисья тропа',
                moderationStatus: 'approved',
                moderatedAt: new Date(),
                author: people.owner,
              },
            })
          : null;
      await strapi.db.query(REVIEW).create({
        data: {
          targetType: target.type,
          targetKey: targetKey(target),
          clinic: target.type === 'clinic' ? await relation(CLINIC, target.documentId) : null,
          doctor: target.type === 'doctor' ? await relation(DOCTOR, target.documentId) : null,
          rating: demo.rating,
          ...demo.criteria,
          title: demo.title,
          text: demo.text,
          visitMonth: demo.visitMonth ?? null,
          visibility: demo.visibility,
          moderationStatus: demo.status,
          moderatedAt: demo.status === 'approved' ? new Date() : null,
          author: people.patient,
          authorName: publicAuthorName(null),
          reply: reply?.id ?? null,
        },
      });
      await recountRatingSummary(strapi, trx, targetKey(target));
    });
    created += 1;
  }
  return created;
};
