import type { Core } from '@strapi/strapi';

import { getConfig, getService } from '../../../utils';
import { translate, type Locale } from '../../i18n/messages';

/** Mails a link that confirms `email` for the user (their current address, or a new one). */
export const sendVerificationLink = async (
  strapi: Core.Strapi,
  account: { id: number; email: string },
  locale: Locale,
  email = account.email
) => {
  const token = await getService(strapi, 'email-links').issue('verify-email', account.id, email);
  const link = `${getConfig(strapi).issuer}/verify-email?token=${token}`;
  await getService(strapi, 'mailer').send({
    to: email,
    subject: translate(locale, 'mail.verify.subject'),
    text: translate(locale, 'mail.verify.text', { link }),
  });
};
