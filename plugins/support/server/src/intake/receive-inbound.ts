import type { Core } from '@strapi/strapi';

import type { InboundMessage } from '../../../shared/contracts';
import { removeStoredFiles, storeAttachments } from '../attachments/store-attachments';
import { TICKET_MESSAGE } from '../content-types/uids';
import { SYSTEM, type Actor } from '../tickets/actor';
import { getTicket } from '../tickets/find-ticket';
import { insertMessage } from '../tickets/insert-message';
import { openTicket } from '../tickets/open-ticket';
import { postAgentMessage, postRequesterMessage } from '../tickets/post-message';
import { acknowledgementText, shouldAcknowledge } from './acknowledgement';
import { findThread } from './find-thread';

export type IntakeOutcome = 'created' | 'threaded' | 'follow-up' | 'duplicate';

export interface IntakeResult {
  outcome: IntakeOutcome;
  ticketNumber: string;
}

const AUTOMATIC_NOTE = {
  'auto-reply': 'Автоответ',
  bounce: 'Уведомление о недоставке',
  'feedback-report': 'Жалоба получателя (feedback report)',
  loop: 'Наше собственное письмо вернулось (петля)',
} as const;

const alreadyTaken = async (strapi: Core.Strapi, externalId: string) => {
  const message = await strapi.db.query(TICKET_MESSAGE).findOne({
    where: { externalId },
    populate: { ticket: { select: ['number'] } },
  });
  return message ? ({ outcome: 'duplicate', ticketNumber: message.ticket.number } as const) : null;
};

const subjectOf = (message: InboundMessage) =>
  (message.subject?.trim() || message.text.trim().split('\n')[0] || 'Без темы').slice(0, 200);

/**
 * Takes one inbound message from any channel into the desk: once only (by its external id, so
 * a redelivery after a crash or a bus retry changes nothing), threaded into the conversation it
 * continues or opening a ticket. Automatic mail is kept but never answered and never reopens
 * anything; a new request on a channel without a thread page is acknowledged.
 */
export const receiveInbound = async (
  strapi: Core.Strapi,
  message: InboundMessage,
  now = new Date()
): Promise<IntakeResult> => {
  const duplicate = await alreadyTaken(strapi, message.externalId);
  if (duplicate) return duplicate;

  const attachmentIds = await storeAttachments(strapi, message.attachments);
  const actor: Actor = { kind: 'requester', userId: message.from.userId };
  const content = {
    channel: message.channel,
    text: message.text,
    attachmentIds,
    externalId: message.externalId,
    email: message.thread,
  };
  try {
    const threadId = await findThread(strapi, message);
    if (threadId !== null && message.automatic) {
      const ticket = await getTicket(strapi, { id: threadId });
      await insertMessage(
        strapi,
        threadId,
        {
          ...content,
          kind: 'note',
          authorKind: 'system',
          text: `${AUTOMATIC_NOTE[message.automatic]}:\n\n${message.text}`,
        },
        now
      );
      return { outcome: 'threaded', ticketNumber: ticket.number };
    }
    if (threadId !== null) {
      const posted = await postRequesterMessage(strapi, threadId, content, actor, now);
      return { outcome: posted.followUpOf ? 'follow-up' : 'threaded', ticketNumber: posted.number };
    }
    const acknowledge = await shouldAcknowledge(strapi, message, now);
    const opened = await openTicket(
      strapi,
      {
        subject: subjectOf(message),
        text: message.text,
        channel: message.channel,
        requester: message.from,
        groupSlug: message.groupSlug,
        clinic: message.clinic ?? null,
        flagged: Boolean(message.unparsed),
        status: message.automatic ? 'closed' : 'new',
        tags: message.automatic
          ? [`auto:${message.automatic}`]
          : message.unparsed
            ? ['unparsed']
            : [],
        message: { ...content, authorKind: 'requester' },
        actor,
      },
      now
    );
    if (acknowledge) {
      await postAgentMessage(
        strapi,
        opened.id,
        { kind: 'reply', text: acknowledgementText(opened.number), authorKind: 'system' },
        SYSTEM,
        now
      );
    }
    return { outcome: 'created', ticketNumber: opened.number };
  } catch (error) {
    await removeStoredFiles(strapi, attachmentIds);
    // Two nodes (or a redelivery) taking the same message at once: the unique id lets one win.
    const raced = await alreadyTaken(strapi, message.externalId);
    if (raced) return raced;
    throw error;
  }
};
