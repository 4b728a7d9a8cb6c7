/**
 * Why the CMS refuses what a person asked, as `error.details.rule`: stable codes a UI words in the
 * person's language (the English `message` is for developers).
 */

/** The cabinet's rules: 403 for who may do what, 429 for a limit (`details.limit` says how many). */
export type CabinetRule =
  | 'people-only'
  | 'owners-only'
  | 'clinic-not-published'
  | 'shared-doctor'
  | 'invitation-for-another-email'
  | 'invitation-not-sent'
  | 'draft-clinics'
  | 'pending-invitations'
  | 'domain-verified-elsewhere';

/** The reviews' rules: 403 for who may do what, 400 for what was done once already. */
export type ReviewRule =
  'people-only' | 'pending-only' | 'clinic-team-only' | 'one-report' | 'one-reply';

/** 429: a limit on how many reviews one person writes. */
export type ReviewLimitRule = 'daily-limit' | 'same-target';

/** Every rule a refusal may name. */
export type RuleCode = CabinetRule | ReviewRule | ReviewLimitRule;
