import type { Core } from '@strapi/strapi';

import type { Account } from '../../../services/accounts';
import { getService } from '../../../utils';
import { translate, type Locale } from '../../i18n/messages';
import { sendVerificationLink } from '../self-service/verification-mail';

/**
 * Starts moving an account to a new address: the new one gets a verification link (the address
 * changes only once it is opened, see `/verify-email`), the current one a warning. When the new
 * address already has an account, its owner is told instead, and the page answers the same, so
 * nobody learns from it whose address is whose.
 */
export const requestEmailChange = async (
  strapi: Core.Strapi,
  account: Account,
  newEmail: string,
  options: { locale: Locale; accountUrl: string }
) => {
  const mailer = getService(strapi, 'mailer');
  const owner = await getService(strapi, 'accounts').findByEmail(newEmail);
  if (owner && owner.id !== account.id) {
    await mailer.send({
      to: newEmail,
      subject: translate(options.locale, 'account.mail.taken.subject'),
      text: translate(options.locale, 'account.mail.taken.text'),
    });
  } else {
    await sendVerificationLink(strapi, account, options.locale, newEmail);
  }
  await mailer.send({
    to: account.email,
    subject: translate(options.locale, 'account.mail.changing.subject'),
    text: translate(options.locale, 'account.mail.changing.text', {
      email: newEmail,
      account: options.accountUrl,
    }),
  });
};
