/**
 * The reviews domain (`/api/reviews`) as every UI sees it (the portal, the admin panel's moderation
 * queue, later the support desk): plain data in, plain data out, no Koa.
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

/** The warning shown before a bug report or a log goes out as a public review. */
export interface PrivacyAdvice {
  code: 'PREFER_PRIVATE';
  message: string;
  reasons: ('log-attached' | 'mentions-errors')[];
}

/** Who acts: the author (or a clinic replying), or a moderator of the admin panel. */
export type Actor = { type: 'user'; id: number } | { type: 'moderator'; id: number };

/** Count, average and distribution of a target's approved public reviews. */
export interface RatingSummary {
  count: number;
  average: number | null;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}
