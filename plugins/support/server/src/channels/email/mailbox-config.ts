/** The support mailbox polled over IMAP; the password is never logged. */
export interface MailboxConfig {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string };
  mailbox: string;
  pollMs: number;
}

/** The mailbox from `IMAP_*`, or null when none is configured (mail in is then off). */
export const mailboxConfigFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): MailboxConfig | null => {
  const { IMAP_HOST: host, IMAP_USER: user, IMAP_PASSWORD: pass } = env;
  if (!host || !user || !pass) return null;
  const secure = (env.IMAP_SECURE ?? 'true') === 'true';
  return {
    host,
    port: Number(env.IMAP_PORT) || (secure ? 993 : 143),
    secure,
    auth: { user, pass },
    mailbox: env.IMAP_MAILBOX || 'INBOX',
    pollMs: Math.max(Number(env.IMAP_POLL_MS) || 30_000, 1000),
  };
};
