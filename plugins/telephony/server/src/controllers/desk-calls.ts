import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import type { AgentScope } from '@vixenhealth/support/contracts';

import type { CallTicketResponse, TicketCalls } from '../../../shared/contracts';
import { deskCalls } from '../desk/desk-calls';
import { fieldError, notFound } from '../errors';

const MAX_NUMBER_LENGTH = 20;

const scopeOf = (ctx: Context) => ctx.state.supportRights as AgentScope;

const callIdOf = (ctx: Context) => {
  const id = Number(ctx.params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw notFound('Call');
  return id;
};

const ticketNumberOf = (body: unknown) => {
  const number = (body as { number?: unknown } | null)?.number;
  if (typeof number !== 'string' || number.trim() === '')
    throw fieldError('number', 'a ticket number is required');
  if (number.length > MAX_NUMBER_LENGTH) throw fieldError('number', 'is too long');
  return number.trim();
};

/** The Support page's calls: a ticket's calls, and a ringing call's ticket. */
const deskCallsController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ofTicket(ctx: Context) {
    const body: TicketCalls = {
      calls: await deskCalls(strapi).ofTicket(scopeOf(ctx), String(ctx.params.number)),
    };
    ctx.body = body;
  },
  async pick(ctx: Context) {
    const number = ticketNumberOf(ctx.request.body);
    const body: CallTicketResponse = await deskCalls(strapi).pick(
      scopeOf(ctx),
      callIdOf(ctx),
      number
    );
    ctx.body = body;
  },
  async open(ctx: Context) {
    const body: CallTicketResponse = await deskCalls(strapi).open(callIdOf(ctx));
    ctx.body = body;
  },
});

export default deskCallsController;
