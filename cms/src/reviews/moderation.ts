import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { RATING_SUMMARY, REPLY, REVIEW } from '../content-types/uids';
import { publicContentChanged } from '../public-cache/public-cache';
import {
  REVIEW_DECIDED,
  type ModerationDecision,
  type ModerationStatus,
  type ModerationSubjectType,
  type ReviewDecided,
} from '../contracts';
import { notFound } from '../errors';
import { attachmentLocationOf, withAttachmentsPlaced } from './attachment-placement';
import { audit } from './audit';
import { sendDecisionMail } from './decision-mail';
import { recountRatingSummary } from './rating-summary';
import { validateReason } from './validation/review';

/** What each decision may follow, and where it leads. */
const TRANSITIONS: Record<ModerationDecision, { from: ModerationStatus[]; to: ModerationStatus }> =
  {
    approve: { from: ['pending', 'hidden'], to: 'approved' },
    reject: { from: ['pending'], to: 'rejected' },
    hide: { from: ['approved'], to: 'hidden' },
  };

const AUDIT_ACTION = { approve: 'approved', reject: 'rejected', hide: 'hidden' } as const;

export interface DecisionRequest {
  subjectType: ModerationSubjectType;
  documentId: string;
  decision: ModerationDecision;
  reason?: unknown;
  moderatorId: number;
}

export interface DecisionResult {
  documentId: string;
  status: ModerationStatus;
}

const uidOf = (subjectType: ModerationSubjectType) => (subjectType === 'review' ? REVIEW : REPLY);

/**
 * Carries out one moderator's decision on a review or a reply, in one transaction: the guarded
 * status change (only from the statuses the decision may follow, so two moderators cannot both
 * approve), its audit record, the target's rating summary when a public review enters or
 * leaves it, and the move of the review's files into or out of the public folder. The author is
 * mailed after the commit. Any UI drives it the same way.
 * @throws ValidationError for a missing reason, NotFoundError, ApplicationError for a decision
 *   the current status does not allow.
 */
export const decide = async (
  strapi: Core.Strapi,
  request: DecisionRequest
): Promise<DecisionResult> => {
  const { subjectType, documentId, decision, moderatorId } = request;
  const transition = TRANSITIONS[decision];
  if (!transition) throw new errors.ValidationError('decision must be approve, reject or hide');
  const reason = validateReason(request.reason, decision === 'reject');
  const uid = uidOf(subjectType);
  const now = new Date();

  return withAttachmentsPlaced(strapi, (placeAttachments) =>
    strapi.db.transaction(async ({ trx, onCommit }) => {
      const entry = await strapi.db.query(uid).findOne({
        where: { documentId },
        populate: { author: { select: ['id', 'email'] } },
      });
      if (!entry) throw notFound('Review');

      const changed = await trx(strapi.db.metadata.get(uid).tableName)
        .where({ id: entry.id })
        .whereIn('moderation_status', transition.from)
        .update({
          moderation_status: transition.to,
          moderated_at: now,
          moderator_id: moderatorId,
          ...(decision === 'reject' ? { rejection_reason: reason } : {}),
        });
      if (changed === 0) {
        throw new errors.ApplicationError(
          `This ${subjectType} is ${entry.moderationStatus}: it cannot be ${AUDIT_ACTION[decision]} now`,
          { status: entry.moderationStatus }
        );
      }
      await audit(
        strapi,
        {
          subjectType,
          subjectId: documentId,
          action: AUDIT_ACTION[decision],
          fromStatus: entry.moderationStatus,
          toStatus: transition.to,
          actor: { type: 'moderator', id: moderatorId },
          reason,
        },
        now
      );
      if (subjectType === 'review' && entry.visibility === 'public') {
        await recountRatingSummary(strapi, trx, entry.targetKey);
      }
      // Written with knex above: Strapi's lifecycles, which purge the public cache, never ran.
      await publicContentChanged(strapi, uid, RATING_SUMMARY);
      if (subjectType === 'review') {
        await placeAttachments(
          entry.id,
          attachmentLocationOf({ moderationStatus: transition.to, visibility: entry.visibility })
        );
      }

      const decided: ReviewDecided = { subjectType, id: entry.id };
      onCommit(() => strapi.eventHub.emit(REVIEW_DECIDED, decided));

      if (decision !== 'hide' && entry.moderationStatus === 'pending') {
        const outcome = decision === 'approve' ? 'approved' : 'rejected';
        const title = subjectType === 'review' ? entry.title : entry.text.slice(0, 60);
        onCommit(() =>
          sendDecisionMail(strapi, entry.author?.email ?? null, {
            subjectType,
            outcome,
            title,
            reason,
          })
        );
      }
      return { documentId, status: transition.to };
    })
  );
};

/** The same decision on many items, each in its own transaction; one failure stops no other. */
export const decideMany = async (
  strapi: Core.Strapi,
  requests: DecisionRequest[]
): Promise<
  (({ ok: true } & DecisionResult) | { ok: false; documentId: string; error: string })[]
> => {
  const results = [];
  for (const request of requests) {
    try {
      results.push({ ok: true as const, ...(await decide(strapi, request)) });
    } catch (error) {
      results.push({
        ok: false as const,
        documentId: request.documentId,
        error: (error as Error).message,
      });
    }
  }
  return results;
};
