/** Plausible enough to mail; the verification link proves the rest. */
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export const normaliseEmail = (value: string | undefined): string | null => {
  const email = (value ?? '').trim().toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? email : null;
};
