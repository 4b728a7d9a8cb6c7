/**
 * The CMS's limits, which the UIs tell people about before the CMS refuses: change one here and
 * every message follows.
 */

export const MB = 1024 * 1024;

/** A review's text fields, in characters once the text is normalised. */
export const REVIEW_TEXT = {
  title: { min: 3, max: 120 },
  text: { min: 20, max: 5000 },
  reason: { max: 1000 },
  reply: { min: 2, max: 3000 },
} as const;

/** A review's attachments: how many, how large in all, and each kind's size. */
export const REVIEW_ATTACHMENTS = {
  maxFiles: 5,
  maxTotalBytes: 30 * MB,
  maxBytes: { image: 5 * MB, video: 20 * MB, log: 2 * MB },
} as const;

/** How many reviews one person writes: per day, and one public review of a target per period. */
export const REVIEW_SUBMISSIONS = { perDay: 5, sameTargetDays: 30 } as const;

/** A clinic's photo library: each photo is an image of at most `REVIEW_ATTACHMENTS.maxBytes.image`. */
export const CLINIC_PHOTOS = { perUpload: 10, perClinic: 60, maxBytes: 5 * MB } as const;

/** The cabinet's limits per person and per clinic. */
export const CABINET_LIMITS = { draftClinics: 5, pendingInvitations: 20 } as const;

/** How many items one moderation decision takes. */
export const MODERATION_LIMITS = { bulk: 100 } as const;
