import type { Core } from '@strapi/strapi';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends ID's emails through Strapi's email plugin (nodemailer, SMTP from the environment).
 * Plain text only: links are written out, nothing to render or escape.
 */
const mailer = ({ strapi }: { strapi: Core.Strapi }) => ({
  async send(mail: Mail) {
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: mail.to, subject: mail.subject, text: mail.text });
  },
});

export type MailerService = ReturnType<typeof mailer>;
export default mailer;
