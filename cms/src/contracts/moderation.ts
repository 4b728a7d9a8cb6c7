/**
 * The admin panel's moderation API (`/review-moderation/*`, cms/src/reviews/moderation-queue.ts)
 * as the moderation page sees it.
 */

import type { ModerationStatus, TargetType, Visibility } from './reviews';

export type ModerationSubjectType = 'review' | 'reply';
export type ModerationDecision = 'approve' | 'reject' | 'hide';

/** Emitted once a moderator's decision on a review or a reply is committed. */
export const REVIEW_DECIDED = 'review.decided';
export interface ReviewDecided {
  subjectType: ModerationSubjectType;
  /** The review's or the reply's row id. */
  id: number;
}

/** `POST /review-moderation/decisions`: one decision on 1 to `MODERATION_LIMITS.bulk` items. */
export interface DecisionsRequest {
  decision: ModerationDecision;
  /** `review` when left out. */
  subjectType?: ModerationSubjectType;
  documentIds: string[];
  reason?: string | null;
}

export interface Attachment {
  id: number;
  name: string;
  mime: string;
  size: number;
  preview: 'image' | 'video' | 'text';
}

export interface AuthorView {
  id: number;
  name: string | null;
  email: string;
  history: Record<ModerationStatus, number>;
}

export interface TargetView {
  type: TargetType;
  documentId?: string;
  name: string | null;
}

export interface ReviewItem {
  kind: 'review' | 'reported';
  documentId: string;
  createdAt: string;
  visibility: Visibility;
  target: TargetView;
  rating: number;
  title: string;
  text: string;
  visitMonth: string | null;
  attachments: Attachment[];
  author: AuthorView | null;
  reports: { reason: string | null; createdAt: string }[];
}

export interface ReplyItem {
  kind: 'reply';
  documentId: string;
  createdAt: string;
  text: string;
  clinicName: string | null;
  review: { documentId: string; title: string; text: string; target: TargetView };
  author: AuthorView | null;
}

export type QueueItem = ReviewItem | ReplyItem;
