import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { clinicAccess } from '../../../cabinet/clinic-access';
import {
  createContent,
  deleteContent,
  listContent,
  reorderPages,
  setContentPublished,
  updateContent,
} from '../../../cabinet/clinic-content';
import { addPhotos, listPhotos, removePhoto } from '../../../cabinet/clinic-photos';
import { clinicTelephony } from '../../../cabinet/clinic-telephony';
import {
  acceptInvitation,
  describeInvitation,
  invite,
  listTeam,
  removeAdministrator,
  revokeInvitation,
} from '../../../cabinet/invitations';
import {
  listMyClinics,
  openClinic,
  readClinic,
  setClinicPublished,
  subdomainAvailability,
  updateClinicProfile,
} from '../../../cabinet/my-clinics';
import { validateReorderPagesInput } from '../../../cabinet/validation/cabinet';
import type { ContentKind } from '../../../contracts';
import { signedInUserId } from '../../../identity/signed-in-user';
import { dropTemporaryFiles, filesOf } from '../../../reviews/incoming-files';
import { listDeploys, readDeploy } from '../../../sites/deploys/deploy-history';
import { checkDomainNow, readDomainVerification } from '../../../sites/domains/domain-verification';

/** The person signed in; a service token is not a person and runs no clinic. */
const userIdOf = (ctx: Context) =>
  signedInUserId(ctx, 'The cabinet is for people: sign in with VixenHealth ID');

const dataOf = (ctx: Context): unknown =>
  (ctx.request.body as { data?: unknown } | undefined)?.data;

/** Which of the clinic's content a route is about, set by the route itself. */
const kindOf = (ctx: Context) => ctx.state.contentKind as ContentKind;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The person's access to the clinic in the path; 404 when they do not run it. */
  const access = (ctx: Context) => clinicAccess(strapi, userIdOf(ctx), ctx.params.clinic);

  return {
    async listClinics(ctx: Context) {
      ctx.body = { data: await listMyClinics(strapi, userIdOf(ctx)) };
    },
    async openClinic(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await openClinic(strapi, userIdOf(ctx), dataOf(ctx)) };
    },
    async checkSubdomain(ctx: Context) {
      userIdOf(ctx);
      ctx.body = { data: await subdomainAvailability(strapi, ctx.params.subdomain) };
    },
    async findClinic(ctx: Context) {
      ctx.body = { data: await readClinic(strapi, await access(ctx)) };
    },
    async updateClinic(ctx: Context) {
      ctx.body = { data: await updateClinicProfile(strapi, await access(ctx), dataOf(ctx)) };
    },
    async publishClinic(ctx: Context) {
      ctx.body = { data: await setClinicPublished(strapi, await access(ctx), true) };
    },
    async unpublishClinic(ctx: Context) {
      ctx.body = { data: await setClinicPublished(strapi, await access(ctx), false) };
    },
    async domainVerification(ctx: Context) {
      ctx.body = { data: await readDomainVerification(strapi, await access(ctx)) };
    },
    async checkDomain(ctx: Context) {
      ctx.body = { data: await checkDomainNow(strapi, await access(ctx)) };
    },

    async listPhotos(ctx: Context) {
      ctx.body = { data: await listPhotos(strapi, await access(ctx)) };
    },
    async addPhotos(ctx: Context) {
      const files = filesOf(ctx);
      try {
        const added = await addPhotos(strapi, await access(ctx), files);
        ctx.status = 201;
        ctx.body = { data: added };
      } finally {
        await dropTemporaryFiles(files);
      }
    },
    async removePhoto(ctx: Context) {
      await removePhoto(strapi, await access(ctx), ctx.params.photo);
      ctx.status = 204;
    },

    async reorderPages(ctx: Context) {
      const clinic = await access(ctx);
      const order = validateReorderPagesInput(dataOf(ctx));
      ctx.body = { data: await reorderPages(strapi, clinic, order) };
    },
    async listContent(ctx: Context) {
      ctx.body = { data: await listContent(strapi, await access(ctx), kindOf(ctx)) };
    },
    async createContent(ctx: Context) {
      const created = await createContent(strapi, await access(ctx), kindOf(ctx), dataOf(ctx));
      ctx.status = 201;
      ctx.body = { data: created };
    },
    async updateContent(ctx: Context) {
      const { document } = ctx.params;
      ctx.body = {
        data: await updateContent(strapi, await access(ctx), kindOf(ctx), document, dataOf(ctx)),
      };
    },
    async deleteContent(ctx: Context) {
      await deleteContent(strapi, await access(ctx), kindOf(ctx), ctx.params.document);
      ctx.status = 204;
    },
    async publishContent(ctx: Context) {
      const { document } = ctx.params;
      ctx.body = {
        data: await setContentPublished(strapi, await access(ctx), kindOf(ctx), document, true),
      };
    },
    async unpublishContent(ctx: Context) {
      const { document } = ctx.params;
      ctx.body = {
        data: await setContentPublished(strapi, await access(ctx), kindOf(ctx), document, false),
      };
    },

    async team(ctx: Context) {
      ctx.body = { data: await listTeam(strapi, await access(ctx)) };
    },
    async invite(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await invite(strapi, await access(ctx), dataOf(ctx)) };
    },
    async revokeInvitation(ctx: Context) {
      await revokeInvitation(strapi, await access(ctx), ctx.params.invitation);
      ctx.status = 204;
    },
    async removeAdministrator(ctx: Context) {
      await removeAdministrator(strapi, await access(ctx), ctx.params.user);
      ctx.status = 204;
    },
    async listCalls(ctx: Context) {
      ctx.body = { data: await clinicTelephony(strapi, await access(ctx)).calls() };
    },
    async listTelephonyTokens(ctx: Context) {
      ctx.body = { data: await clinicTelephony(strapi, await access(ctx)).tokens() };
    },
    async createTelephonyToken(ctx: Context) {
      ctx.status = 201;
      ctx.body = {
        data: await clinicTelephony(strapi, await access(ctx)).createToken(dataOf(ctx)),
      };
    },
    async revokeTelephonyToken(ctx: Context) {
      await clinicTelephony(strapi, await access(ctx)).revokeToken(ctx.params.token);
      ctx.status = 204;
    },
    async listDeploys(ctx: Context) {
      const { clinic } = await access(ctx);
      ctx.body = { data: await listDeploys(strapi, { clinicDocumentId: clinic.documentId }) };
    },
    async findDeploy(ctx: Context) {
      const { clinic } = await access(ctx);
      ctx.body = {
        data: await readDeploy(strapi, ctx.params.deploy, { clinicDocumentId: clinic.documentId }),
      };
    },
    async describeInvitation(ctx: Context) {
      userIdOf(ctx);
      ctx.body = { data: await describeInvitation(strapi, ctx.params.token) };
    },
    async acceptInvitation(ctx: Context) {
      ctx.body = { data: await acceptInvitation(strapi, userIdOf(ctx), ctx.params.token) };
    },
  };
};
