import type { Core } from '@strapi/strapi';

import type { ModerationSubjectType } from '../contracts';

interface Decision {
  subjectType: ModerationSubjectType;
  outcome: 'approved' | 'rejected';
  title: string;
  reason: string | null;
}

const SUBJECT: Record<ModerationSubjectType, string> = {
  review: 'Ваш отзыв',
  reply: 'Ваш ответ на отзыв',
};

/** The author's email about a decision, in Russian, the platform's language; plain text. */
export const decisionMail = ({ subjectType, outcome, title, reason }: Decision) => {
  const what = SUBJECT[subjectType];
  if (outcome === 'approved') {
    return {
      subject: `${what} опубликован — VixenHealth`,
      text: `Здравствуйте!\n\n${what} «${title}» прошёл модерацию и опубликован.\n\nСпасибо, что делитесь опытом.\nVixenHealth`,
    };
  }
  return {
    subject: `${what} не опубликован — VixenHealth`,
    text: `Здравствуйте!\n\n${what} «${title}» не прошёл модерацию.\n\nПричина: ${reason ?? 'не указана'}\n\nВы можете написать новый с учётом замечания.\nVixenHealth`,
  };
};

/**
 * Sends the decision to the author once it is committed. A failed send is logged (without the
 * address) and does not undo the decision: the author also sees it among their reviews.
 */
export const sendDecisionMail = async (
  strapi: Core.Strapi,
  to: string | null,
  decision: Decision
) => {
  if (!to) return;
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to, ...decisionMail(decision) });
  } catch (error) {
    strapi.log.warn(
      `Moderation: the ${decision.outcome} mail could not be sent: ${(error as Error).message}`
    );
  }
};
