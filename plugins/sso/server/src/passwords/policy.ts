import commonPasswords from './common-passwords.json';

export const MIN_PASSWORD_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const MAX_PASSWORD_LENGTH = 200;

const COMMON = new Set<string>(commonPasswords as string[]);

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common' | 'contains-email';

/** Why `password` may not be used, or null when it may. */
export const passwordProblem = (password: string, email?: string): PasswordProblem | null => {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'too-common';
  const name = email?.split('@')[0]?.toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) return 'contains-email';
  return null;
};
