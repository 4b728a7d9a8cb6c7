import type { Core } from '@strapi/strapi';

import type { ModerationKind, ModerationSubjects } from '../../../shared/contracts';

export type {
  ModerationDecision,
  ModerationKind,
  ModerationSubjects,
} from '../../../shared/contracts';

const registered = new WeakMap<Core.Strapi, ModerationSubjects>();

export const registerModerationSubjects = (strapi: Core.Strapi, subjects: ModerationSubjects) => {
  registered.set(strapi, subjects);
};

export const moderationSubjects = (strapi: Core.Strapi) => registered.get(strapi) ?? null;

/** The permission deciding needs, or null while no moderation subjects are registered. */
export const moderationPermission = (strapi: Core.Strapi) =>
  registered.get(strapi)?.permission ?? null;

/** `review:<documentId>` — what a Moderation ticket stands for. */
export const subjectRefOf = (kind: ModerationKind, documentId: string) => `${kind}:${documentId}`;

export const parseSubjectRef = (ref: string | null) => {
  const match = /^(review|reply|report):(.+)$/.exec(ref ?? '');
  return match ? { kind: match[1] as ModerationKind, documentId: match[2] } : null;
};
