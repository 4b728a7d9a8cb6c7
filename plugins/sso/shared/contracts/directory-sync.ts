/** What a directory sync changes (or, in a dry run, would change). */
export type DirectorySyncEntity = 'department' | 'position' | 'group' | 'account' | 'member';

export type DirectorySyncAction =
  'create' | 'update' | 'link' | 'deactivate' | 'reactivate' | 'block' | 'unblock';

export interface DirectorySyncChange {
  entity: DirectorySyncEntity;
  action: DirectorySyncAction;
  /** A department's or group's code, a position's title, a person's email. */
  key: string;
  /** The fields an update changes. */
  fields?: string[];
}

export interface DirectorySyncReport {
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** What the directory held. */
  directory: { people: number; disabled: number; groups: number; departments: number };
  /** True when the staff directory already matched the company directory. */
  upToDate: boolean;
  /** Counts of `changes` by entity and action, e.g. `{ member: { create: 3 } }`. */
  summary: Partial<Record<DirectorySyncEntity, Partial<Record<DirectorySyncAction, number>>>>;
  changes: DirectorySyncChange[];
  /** Directory entries left alone, and why (no mail, an email another person has…). */
  skipped: DirectorySyncSkip[];
}

export type DirectorySyncSkipCode =
  | 'no-external-id'
  | 'no-mail'
  | 'disabled'
  | 'duplicate-email'
  | 'email-of-another-member'
  | 'email-taken';

export interface DirectorySyncSkip {
  /** A DN (an entry without a usable email) or an email. */
  key: string;
  code: DirectorySyncSkipCode;
  /** The same in English words. */
  reason: string;
}

/** `POST /sso/directory-sync` */
export interface RunDirectorySync {
  request: { body: { dryRun: boolean } };
  response: { data: DirectorySyncReport };
}

/** `GET /sso/directory-sync/last`: the last run's report (dry or not), or null before any. */
export interface LastDirectorySync {
  response: { data: DirectorySyncReport | null };
}
