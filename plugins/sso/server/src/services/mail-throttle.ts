import { createHmac } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import { MAIL_REQUEST } from '../content-types/uids';
import { getConfig } from '../utils';
import {
  MAIL_RECIPIENT_RULE,
  MAIL_SOURCE_RULE,
  failuresThatMatter,
  msToWait,
  type ThrottleRule,
} from './throttle-policy';

/** Why ID is asked to mail someone. */
export type MailRequestKind = 'sign-up' | 'verify-email' | 'reset-password' | 'email-change';

export type MailPermission = { ok: true } | { ok: false; retryAfterSeconds: number };

const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Throttles the mail that anyone can make ID send, the way sign-in attempts are throttled:
 * per recipient and per requesting address, with waits that double. Keyed by the address as
 * typed, so a refusal says nothing about whether it has an account.
 */
const mailThrottle = ({ strapi }: { strapi: Core.Strapi }) => {
  const requests = () => strapi.db.query(MAIL_REQUEST);

  const recipientKey = (email: string) =>
    createHmac('sha256', getConfig(strapi).keyEncryptionKey)
      .update(`mail:${email.trim().toLowerCase()}`)
      .digest('base64url');

  /** Request times matching `where` within the rule's window, newest first. */
  const recent = async (where: Record<string, unknown>, rule: ThrottleRule, now: Date) => {
    const rows: { requestedAt: string }[] = await requests().findMany({
      where: { ...where, requestedAt: { $gte: new Date(now.getTime() - rule.windowMs) } },
      select: ['requestedAt'],
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      limit: failuresThatMatter(rule),
    });
    return rows.map((row) => new Date(row.requestedAt));
  };

  return {
    /**
     * Whether one more mail of `kind` to `email`, asked for from `ip`, may go out now; when it
     * may, the request is counted.
     */
    async take(
      kind: MailRequestKind,
      email: string,
      ip: string,
      now = new Date()
    ): Promise<MailPermission> {
      const key = recipientKey(email);
      const source = ip.slice(0, 64);
      const [toRecipient, fromSource] = await Promise.all([
        recent({ recipientKey: key }, MAIL_RECIPIENT_RULE, now),
        recent({ ip: source }, MAIL_SOURCE_RULE, now),
      ]);
      const waitMs = Math.max(
        msToWait(toRecipient, MAIL_RECIPIENT_RULE, now),
        msToWait(fromSource, MAIL_SOURCE_RULE, now)
      );
      if (waitMs > 0) return { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      await requests().create({
        data: { kind, recipientKey: key, ip: source, requestedAt: now },
      });
      return { ok: true };
    },

    /** Forgets requests older than a day: no rule looks further back. */
    async prune(now = new Date()) {
      await requests().deleteMany({
        where: { requestedAt: { $lt: new Date(now.getTime() - RETENTION_MS) } },
      });
    },
  };
};

export type MailThrottleService = ReturnType<typeof mailThrottle>;
export default mailThrottle;
