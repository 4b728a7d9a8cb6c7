import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { fileRequest } from '../requests/file-request';
import { requesterOf } from '../requests/requester';
import { ownAttachment, ownTicket, requestsOf, threadOf } from '../requests/requester-threads';
import { bodyFieldsOf, withFormFiles } from '../http/form-files';
import { sendStoredFile } from '../http/send-file';
import { postRequesterMessage } from '../tickets/post-message';
import { storeAttachments, removeStoredFiles } from '../attachments/store-attachments';
import { validateNewRequest, validateRequesterReply } from '../validation/request-input';

interface SignedIn {
  id: number;
  email: string;
  fullName?: string | null;
}

const accountOf = (ctx: Context) => ctx.state.user as SignedIn;

/** The signed-in person's own requests: file one, list them, read and answer a thread. */
const requests = ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const input = validateNewRequest(bodyFieldsOf(ctx));
    const requester = await requesterOf(strapi, accountOf(ctx));
    const ticket = await withFormFiles(ctx, (files) =>
      fileRequest(strapi, requester, input, files)
    );
    ctx.status = 201;
    ctx.body = { number: ticket.number };
  },

  async find(ctx: Context) {
    ctx.body = { data: await requestsOf(strapi, accountOf(ctx).id) };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await threadOf(strapi, accountOf(ctx).id, ctx.params.number) };
  },

  async reply(ctx: Context) {
    const { body } = validateRequesterReply(bodyFieldsOf(ctx));
    const account = accountOf(ctx);
    const ticket = await ownTicket(strapi, account.id, ctx.params.number);
    const posted = await withFormFiles(ctx, async (files) => {
      const attachmentIds = await storeAttachments(strapi, files);
      try {
        return await postRequesterMessage(
          strapi,
          ticket.id,
          { channel: ticket.channel, text: body, attachmentIds },
          { kind: 'requester', userId: account.id }
        );
      } catch (error) {
        await removeStoredFiles(strapi, attachmentIds);
        throw error;
      }
    });
    ctx.status = 201;
    ctx.body = { number: posted.number, followUpOf: posted.followUpOf ?? null };
  },

  async download(ctx: Context) {
    const file = await ownAttachment(
      strapi,
      accountOf(ctx).id,
      ctx.params.number,
      Number(ctx.params.fileId)
    );
    await sendStoredFile(strapi, ctx, file);
  },
});

export default requests;
