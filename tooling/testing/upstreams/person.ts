import { randomBytes } from 'node:crypto';

/** Someone at an upstream provider, in our words; each server shapes it the way its provider does. */
export interface UpstreamPerson {
  /** The provider's id of them (`sub`, Yandex's `id`, VK's `user_id`). */
  subject: string;
  email: string | null;
  /** Whether the provider says it checked the address (where its protocol can say so). */
  emailVerified: boolean;
  givenName: string;
  familyName: string;
}

/** A fresh person with a unique subject and address. */
export const upstreamPerson = (overrides: Partial<UpstreamPerson> = {}): UpstreamPerson => {
  const tag = randomBytes(4).toString('hex');
  return {
    subject: String(100_000_000 + Number.parseInt(tag, 16)),
    email: `upstream-${tag}@example.ru`,
    emailVerified: true,
    givenName: 'Ольга',
    familyName: 'Смирнова',
    ...overrides,
  };
};

/** What every local upstream offers a test: who signs in next, and where it may send them back. */
export interface LocalUpstream {
  /** The environment variables that configure ID for it. */
  env: Record<string, string>;
  /** Registers ID's callback (known once the CMS listens). */
  allowRedirect(uri: string): void;
  /** The person the next authorization signs in as (no login form: the test decides). */
  signInAs(person: UpstreamPerson): void;
  stop(): Promise<void>;
}
