import type { Core } from '@strapi/strapi';

import { getConfig, getService } from '../../../utils';
import { translate, type Locale } from '../../i18n/messages';

/**
 * Tells the owner that their password was changed, with the way back if it was not them: the
 * mail goes to the account's address, which whoever changed the password could not change too.
 */
export const sendPasswordChangedMail = async (
  strapi: Core.Strapi,
  account: { email: string },
  locale: Locale,
  when = new Date()
) => {
  await getService(strapi, 'mailer').send({
    to: account.email,
    subject: translate(locale, 'mail.password-changed.subject'),
    text: translate(locale, 'mail.password-changed.text', {
      when: when.toISOString().slice(0, 16).replace('T', ' '),
      link: `${getConfig(strapi).issuer}/forgot-password`,
    }),
  });
};
