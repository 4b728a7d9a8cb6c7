import type { ModerationSubjectView } from './admin';

export type ModerationKind = ModerationSubjectView['kind'];
export type ModerationDecision = 'approve' | 'reject' | 'hide';

/**
 * What the CMS lends the desk so that moderation happens in Support: how to show a review (or
 * reply, or the reports of a review) and how to decide on it, with the reviews' own rules and
 * audit. The desk knows nothing of reviews beyond this.
 */
export interface ModerationSubjects {
  /** The admin-panel permission a moderator needs to decide (e.g. `api::reviews.moderate`). */
  permission: string;
  view(kind: ModerationKind, documentId: string): Promise<ModerationSubjectView | null>;
  decide(request: {
    kind: ModerationKind;
    documentId: string;
    decision: ModerationDecision;
    reason?: string;
    moderatorId: number;
  }): Promise<{ status: string }>;
}

/** A review (reply, reported review) waiting for moderation, as the desk opens its ticket. */
export interface ModerationRequest {
  kind: ModerationKind;
  documentId: string;
  /** What the moderator reads first: the review's title, the report's reason. */
  subject: string;
  text: string;
  author?: { userId?: number; name?: string; email?: string };
  clinic?: string | null;
}

/** The desk's `moderation` service, as the CMS calls it. */
export interface ModerationDesk {
  register(subjects: ModerationSubjects): void;
  open(request: ModerationRequest): Promise<{ id: number; number: string }>;
  decided(kind: ModerationKind, documentId: string): Promise<void>;
}
