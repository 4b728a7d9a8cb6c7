import type { AutomaticKind } from '../../../../shared/contracts';

import type { MailHeaders } from './mail-headers';

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const DAEMON_SENDERS = /^(mailer-daemon|postmaster)@/i;

/**
 * Why a mail must never be answered, or undefined for one a person wrote. A loop is checked
 * first (our own mail coming back), then reports, whose senders often also set Auto-Submitted.
 * X-Auto-Response-Suppress is deliberately not a marker: Outlook sets it on mail people write.
 */
export const automaticKindOf = (
  headers: MailHeaders,
  mail: { messageId?: string; fromAddress?: string },
  ownDomain: string
): AutomaticKind | undefined => {
  const domain = ownDomain.toLowerCase();
  if (
    headers.has('x-vixenhealth-ticket') ||
    (mail.messageId ?? '').toLowerCase().endsWith(`@${domain}>`) ||
    headers.texts('x-loop').some((value) => value.toLowerCase().includes(domain))
  ) {
    return 'loop';
  }
  const isReport = headers.lower('content-type').startsWith('multipart/report');
  const reportType = isReport ? headers.param('content-type', 'report-type') : '';
  if (reportType === 'feedback-report') return 'feedback-report';
  if (reportType === 'delivery-status') return 'bounce';
  if (DAEMON_SENDERS.test(mail.fromAddress ?? '') || headers.lower('return-path') === '<>') {
    return 'bounce';
  }
  const autoSubmitted = headers.lower('auto-submitted').split(';')[0].trim();
  if (
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    BULK_PRECEDENCE.has(headers.lower('precedence')) ||
    headers.has('x-autoreply') ||
    headers.has('x-autorespond')
  ) {
    return 'auto-reply';
  }
  return undefined;
};
