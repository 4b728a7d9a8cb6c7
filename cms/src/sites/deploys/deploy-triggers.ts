import type { Core, Modules, UID } from '@strapi/strapi';

import { CONTENT_KINDS } from '../../cabinet/content-kinds';
import { nodeName } from '../../cluster/node-name';
import { CLINIC, DOCTOR, REVIEW } from '../../content-types/uids';
import {
  CLINIC_SITE_CHANGED,
  type DeployRequest,
  REVIEW_DECIDED,
  type ReviewDecided,
} from '../../contracts';
import { targetFromKey } from '../../reviews/target';
import { resumeDeploys } from './deploy-recovery';
import { createDeployScheduler, type DeployScheduler } from './deploy-scheduler';
import { deploySettings } from './deploy-settings';

/** Content of a clinic's site: the clinic, and its kinds of content by the relation to it. */
const SITE_CONTENT: Readonly<
  Partial<Record<UID.ContentType, { label: string; clinics: string | null }>>
> = {
  [CLINIC]: { label: 'clinic', clinics: null },
  ...Object.fromEntries(
    Object.values(CONTENT_KINDS).map((kind) => [
      kind.uid,
      { label: kind.label.toLowerCase(), clinics: kind.clinicField },
    ])
  ),
};

/** Changes that alter what is public; editing a draft does not. */
const ACTIONS: Readonly<Record<string, string>> = {
  publish: 'published',
  unpublish: 'unpublished',
  delete: 'deleted',
};

type Related = { documentId: string } | { documentId: string }[] | null;

/** The clinics a document belongs to, in any of its versions. */
const clinicsOf = async (strapi: Core.Strapi, uid: UID.ContentType, documentId: string) => {
  const relation = SITE_CONTENT[uid]?.clinics;
  if (!relation) return [documentId];
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId },
    populate: { [relation]: { select: ['documentId'] } },
  })) as Record<string, Related>[];
  const ids = rows.flatMap((row) =>
    [row[relation] ?? []].flat().map((clinic) => clinic.documentId)
  );
  return [...new Set(ids)];
};

/**
 * The clinics whose sites show the review decided on, or the review a decided reply answers: the
 * clinic, or the doctor's clinics; none for a private review or one of the platform.
 */
const clinicsShowing = async (strapi: Core.Strapi, { subjectType, id }: ReviewDecided) => {
  const review = (await strapi.db.query(REVIEW).findOne({
    where: subjectType === 'review' ? { id } : { reply: { id } },
    select: ['targetKey', 'visibility'],
  })) as { targetKey: string; visibility: string } | null;
  if (review?.visibility !== 'public') return [];
  const target = targetFromKey(review.targetKey);
  if (target.type === 'platform') return [];
  if (target.type === 'clinic') return [target.documentId];
  return clinicsOf(strapi, DOCTOR, target.documentId);
};

const watchContent =
  (strapi: Core.Strapi, scheduler: DeployScheduler): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    const content = SITE_CONTENT[context.uid];
    const verb = ACTIONS[context.action];
    const documentId = (context.params as { documentId?: string }).documentId;
    if (!content || !verb || !documentId) return next();
    // Read before the change: a deleted page no longer knows its clinic.
    const clinics = await clinicsOf(strapi, context.uid, documentId);
    const result = await next();
    const reason = `${content.label} ${verb}`;
    for (const clinicDocumentId of clinics) scheduler.schedule({ clinicDocumentId, reason });
    return result;
  };

/**
 * Rebuilds a clinic's static site whenever something it shows is published, unpublished or
 * deleted: the clinic, a page, a service, a doctor, or a review moderators decided on. Changes
 * are heard in the Document Service, whichever way they come (admin panel, cabinet, API), and
 * from the events that moderation and the cabinet emit. Off unless `SITE_DEPLOYS_DIR` is set.
 * Every node of the platform builds what any node queued (`start`, once the CMS is up).
 */
export const registerSiteDeploys = (strapi: Core.Strapi) => {
  const cmsPort = () => {
    const address = strapi.server.httpServer.address();
    return typeof address === 'object' && address
      ? address.port
      : Number(strapi.config.get('server.port'));
  };
  const settings = deploySettings({ root: strapi.dirs.app.root, cmsPort });
  if (!settings) return null;
  const node = nodeName(strapi);
  const scheduler = createDeployScheduler(strapi, settings, { node });
  strapi.documents.use(watchContent(strapi, scheduler));
  strapi.eventHub.on(CLINIC_SITE_CHANGED, async (request: DeployRequest) =>
    scheduler.schedule(request)
  );
  strapi.eventHub.on(REVIEW_DECIDED, async (decided: ReviewDecided) => {
    for (const clinicDocumentId of await clinicsShowing(strapi, decided)) {
      scheduler.schedule({ clinicDocumentId, reason: 'review moderated' });
    }
  });
  return {
    start: () => resumeDeploys(strapi, settings, scheduler, { node }),
    stop: () => scheduler.stop(),
  };
};
