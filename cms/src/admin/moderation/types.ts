/** The admin moderation API's answers (cms/src/reviews/moderation-queue.ts). */
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
  history: Record<'pending' | 'approved' | 'rejected' | 'hidden', number>;
}

export interface TargetView {
  type: 'clinic' | 'doctor' | 'platform';
  documentId?: string;
  name: string | null;
}

export interface ReviewItem {
  kind: 'review' | 'reported';
  documentId: string;
  createdAt: string;
  visibility: 'public' | 'private';
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

export type Decision = 'approve' | 'reject' | 'hide';
