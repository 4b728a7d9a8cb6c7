/**
 * The reviews domain as every UI sees it (the Content API, the admin panel's moderation queue,
 * later the support desk): plain data in, plain data out, no Koa.
 */

export type TargetType = 'clinic' | 'doctor' | 'platform';

/** What a review is about: a clinic or a doctor (by document id), or the platform itself. */
export type ReviewTarget =
  | { type: 'clinic'; documentId: string }
  | { type: 'doctor'; documentId: string }
  | { type: 'platform' };

export type Visibility = 'public' | 'private';
export type ModerationStatus = 'pending' | 'approved' | 'rejected' | 'hidden';

export const CRITERIA = ['attentiveness', 'explanations', 'waitingTime', 'cleanliness'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** A review as its author writes it, validated. */
export interface ReviewContent {
  rating: number;
  criteria: Partial<Record<Criterion, number>>;
  title: string;
  text: string;
  visitMonth: string | null;
  visibility: Visibility;
}

export interface ReviewSubmission extends ReviewContent {
  target: ReviewTarget;
}

/** A file as it arrived (a temporary file on disk), before any check. */
export interface IncomingFile {
  filepath: string;
  originalFilename: string;
  size: number;
}

/** The warning shown before a bug report or a log goes out as a public review. */
export interface PrivacyAdvice {
  code: 'PREFER_PRIVATE';
  message: string;
  reasons: ('log-attached' | 'mentions-errors')[];
}

export type ModerationSubjectType = 'review' | 'reply';

/** Emitted once a moderator's decision on a review or a reply is committed. */
export const REVIEW_DECIDED = 'review.decided';
export interface ReviewDecided {
  subjectType: ModerationSubjectType;
  /** The review's or the reply's row id. */
  id: number;
}
export type ModerationDecision = 'approve' | 'reject' | 'hide';

/** Who acts: the author (or a clinic replying), or a moderator of the admin panel. */
export type Actor = { type: 'user'; id: number } | { type: 'moderator'; id: number };

/** Count, average and distribution of a target's approved public reviews. */
export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}
