import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { saveAgent } from '../agents/agent-profile';
import { removeStoredFiles, storeAttachments } from '../attachments/store-attachments';
import { BOARD, SAVED_FILTER, TICKET_MESSAGE } from '../content-types/uids';
import { deskMeta } from '../desk/desk-meta';
import {
  applyMacro,
  assignToMe,
  mergeInto,
  postToTicket,
  updateTicket,
} from '../desk/desk-tickets';
import { createView, deleteView, updateView, type ViewInput } from '../desk/saved-views';
import { visibleTicket } from '../desk/visible-ticket';
import { notAllowed, notFound } from '../errors';
import { bodyFieldsOf, withFormFiles } from '../http/form-files';
import { sendStoredFile } from '../http/send-file';
import { openEventStream } from '../live/event-stream';
import { decideFromTicket } from '../moderation/moderation-tickets';
import { createProblem, reopenProblem, resolveProblem } from '../problems/problem-lifecycle';
import { getProblem, listProblems, problemViewOf } from '../problems/problem-rows';
import { ticketDetailOf } from '../queries/ticket-detail';
import { listTickets } from '../queries/ticket-list';
import type { DeskRights } from '../rights/desk-rights';
import { loadSupportStats } from '../reports/stats-query';
import {
  filterFromQuery,
  validateAgentMessage,
  validateAvailability,
  validateBoard,
  validateMerge,
  validateModeration,
  validateProblem,
  validateResolution,
  validateSavedFilter,
  validateTicketUpdate,
} from '../validation/desk-input';

const rightsOf = (ctx: Context) => ctx.state.supportRights as DeskRights;
const idParam = (ctx: Context) => {
  const id = Number(ctx.params.id);
  if (!Number.isInteger(id) || id < 1) throw notFound('Entry');
  return id;
};

/** Create, change and delete one kind of saved view (filters, boards), the same way. */
const savedViewActions = <Kind extends 'Filter' | 'Board'>(
  strapi: Core.Strapi,
  uid: typeof SAVED_FILTER | typeof BOARD,
  validate: (input: unknown) => ViewInput,
  kind: Kind
) =>
  ({
    [`create${kind}`]: async (ctx: Context) => {
      const input = validate(bodyFieldsOf(ctx));
      ctx.status = 201;
      ctx.body = { id: (await createView(strapi, uid, rightsOf(ctx), input)).id };
    },
    [`update${kind}`]: async (ctx: Context) => {
      await updateView(strapi, uid, rightsOf(ctx), idParam(ctx), validate(bodyFieldsOf(ctx)));
      ctx.body = { id: idParam(ctx) };
    },
    [`delete${kind}`]: async (ctx: Context) => {
      await deleteView(strapi, uid, rightsOf(ctx), idParam(ctx));
      ctx.status = 204;
    },
  }) as Record<`${'create' | 'update' | 'delete'}${Kind}`, (ctx: Context) => Promise<void>>;

/** The Support page's API: every action scoped by the agent's rights (policy `desk-access`). */
const desk = ({ strapi }: { strapi: Core.Strapi }) => {
  const detail = async (ctx: Context, number: string) => {
    ctx.body = await ticketDetailOf(strapi, await visibleTicket(strapi, rightsOf(ctx), number));
  };
  return {
    async meta(ctx: Context) {
      ctx.body = await deskMeta(strapi, rightsOf(ctx));
    },
    async tickets(ctx: Context) {
      ctx.body = await listTickets(
        strapi,
        rightsOf(ctx),
        filterFromQuery(ctx.query as Record<string, string>)
      );
    },
    async ticket(ctx: Context) {
      await detail(ctx, ctx.params.number);
    },
    async update(ctx: Context) {
      const ticket = await updateTicket(
        strapi,
        rightsOf(ctx),
        ctx.params.number,
        validateTicketUpdate(bodyFieldsOf(ctx))
      );
      await detail(ctx, ticket.number);
    },
    async post(ctx: Context) {
      const { kind, body } = validateAgentMessage(bodyFieldsOf(ctx));
      await visibleTicket(strapi, rightsOf(ctx), ctx.params.number);
      await withFormFiles(ctx, async (files) => {
        const attachmentIds = await storeAttachments(strapi, files);
        try {
          await postToTicket(strapi, rightsOf(ctx), ctx.params.number, {
            kind,
            text: body,
            attachmentIds,
          });
        } catch (error) {
          await removeStoredFiles(strapi, attachmentIds);
          throw error;
        }
      });
      await detail(ctx, ctx.params.number);
      ctx.status = 201;
    },
    async assignToMe(ctx: Context) {
      await assignToMe(strapi, rightsOf(ctx), ctx.params.number);
      await detail(ctx, ctx.params.number);
    },
    async merge(ctx: Context) {
      const { into } = validateMerge(bodyFieldsOf(ctx));
      const target = await mergeInto(strapi, rightsOf(ctx), ctx.params.number, into);
      await detail(ctx, target.number);
    },
    async macro(ctx: Context) {
      await applyMacro(strapi, rightsOf(ctx), ctx.params.number, idParam(ctx));
      await detail(ctx, ctx.params.number);
    },
    async moderate(ctx: Context) {
      const { decision, reason } = validateModeration(bodyFieldsOf(ctx));
      const ticket = await visibleTicket(strapi, rightsOf(ctx), ctx.params.number);
      await decideFromTicket(strapi, rightsOf(ctx), ticket, decision, reason);
      await detail(ctx, ticket.number);
    },
    async file(ctx: Context) {
      const ticket = await visibleTicket(strapi, rightsOf(ctx), ctx.params.number);
      const fileId = Number(ctx.params.fileId);
      const message = await strapi.db.query(TICKET_MESSAGE).findOne({
        where: { ticket: { id: ticket.id }, attachments: { id: fileId } },
        populate: { attachments: true },
      });
      const file = message?.attachments?.find(
        (candidate: { id: number }) => candidate.id === fileId
      );
      if (!file) throw notFound('File');
      await sendStoredFile(strapi, ctx, file);
    },
    async problems(ctx: Context) {
      ctx.body = await listProblems(strapi);
    },
    async problem(ctx: Context) {
      ctx.body = problemViewOf(await getProblem(strapi, idParam(ctx)));
    },
    async createProblem(ctx: Context) {
      const rights = rightsOf(ctx);
      const { title, description, incident } = validateProblem(bodyFieldsOf(ctx));
      const incidentId = incident ? (await visibleTicket(strapi, rights, incident)).id : undefined;
      const problem = await createProblem(
        strapi,
        { title, description, incidentId },
        { kind: 'agent', id: rights.agentId }
      );
      ctx.status = 201;
      ctx.body = problemViewOf(problem);
    },
    async resolveProblem(ctx: Context) {
      const { resolution } = validateResolution(bodyFieldsOf(ctx));
      const problem = await resolveProblem(strapi, idParam(ctx), resolution, {
        kind: 'agent',
        id: rightsOf(ctx).agentId,
      });
      ctx.body = problemViewOf(problem);
    },
    async reopenProblem(ctx: Context) {
      ctx.body = problemViewOf(
        await reopenProblem(strapi, idParam(ctx), { kind: 'agent', id: rightsOf(ctx).agentId })
      );
    },
    ...savedViewActions(strapi, SAVED_FILTER, validateSavedFilter, 'Filter'),
    ...savedViewActions(strapi, BOARD, validateBoard, 'Board'),
    async availability(ctx: Context) {
      const { status } = validateAvailability(bodyFieldsOf(ctx));
      const profile = await saveAgent(strapi, rightsOf(ctx).agentId, { status });
      ctx.body = { status: profile?.status ?? 'away' };
    },
    async stats(ctx: Context) {
      const rights = rightsOf(ctx);
      if (!rights.lead) throw notAllowed('lead-only', 'The figures are for Support leads');
      const days = Math.min(Math.max(Number(ctx.query.days) || 30, 1), 365);
      ctx.body = await loadSupportStats(strapi, days);
    },
    async events(ctx: Context) {
      openEventStream(strapi, ctx, rightsOf(ctx));
    },
  };
};

export default desk;
