import type { Core } from '@strapi/strapi';

import type { TicketUpdate } from '../../../shared/contracts';
import { ADMIN_USER, GROUP, MACRO, PROBLEM } from '../content-types/uids';
import { fieldError, notAllowed, notFound } from '../errors';
import type { DeskRights } from '../rights/desk-rights';
import type { Actor } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { mergeTickets } from '../tickets/merge-tickets';
import { postAgentMessage } from '../tickets/post-message';
import { normaliseTags } from '../tickets/tags';
import { seesGroup, visibleTicket } from './visible-ticket';

const agentActor = (rights: DeskRights): Actor => ({ kind: 'agent', id: rights.agentId });

/**
 * An agent's change to a ticket, within their rights: any agent of the ticket's group changes
 * its status, priority, tags and problem, moves it to another group and takes or drops it;
 * only a lead assigns it to someone else.
 */
export const updateTicket = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  number: string,
  update: TicketUpdate
) => {
  const ticket = await visibleTicket(strapi, rights, number);
  const assigningOther =
    update.assigneeId !== undefined &&
    update.assigneeId !== null &&
    update.assigneeId !== rights.agentId;
  if (assigningOther && !rights.lead) {
    throw notAllowed('lead-only', 'Only a Support lead assigns tickets to others');
  }
  if (
    update.assigneeId === null &&
    ticket.assignee &&
    ticket.assignee.id !== rights.agentId &&
    !rights.lead
  ) {
    throw notAllowed('lead-only', 'Only a Support lead takes a ticket off someone else');
  }
  if (
    update.groupId !== undefined &&
    !(await strapi.db.query(GROUP).count({ where: { id: update.groupId } }))
  ) {
    throw fieldError('groupId', 'no such group', update.groupId);
  }
  if (
    update.problemId &&
    !(await strapi.db.query(PROBLEM).count({ where: { id: update.problemId } }))
  ) {
    throw fieldError('problemId', 'no such problem', update.problemId);
  }
  if (
    update.assigneeId &&
    assigningOther &&
    !(await strapi.db.query(ADMIN_USER).count({ where: { id: update.assigneeId } }))
  ) {
    throw fieldError('assigneeId', 'no such agent', update.assigneeId);
  }
  const change = { ...update, ...(update.tags ? { tags: normaliseTags(update.tags) } : {}) };
  return changeTicket(strapi, ticket.id, change, agentActor(rights));
};

export const assignToMe = async (strapi: Core.Strapi, rights: DeskRights, number: string) =>
  updateTicket(strapi, rights, number, { assigneeId: rights.agentId });

export const postToTicket = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  number: string,
  message: { kind: 'reply' | 'note'; text: string; attachmentIds: number[] }
) => {
  const ticket = await visibleTicket(strapi, rights, number);
  return postAgentMessage(strapi, ticket.id, message, agentActor(rights));
};

/** Merges one visible ticket into another visible one. */
export const mergeInto = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  number: string,
  into: string
) => {
  const source = await visibleTicket(strapi, rights, number);
  await visibleTicket(strapi, rights, into);
  return mergeTickets(strapi, source.id, into, agentActor(rights));
};

/**
 * Applies a canned reply: its fields (status, priority, tags) are set, and its text, when it
 * has one, is sent as a public reply, in that order.
 */
export const applyMacro = async (
  strapi: Core.Strapi,
  rights: DeskRights,
  number: string,
  macroId: number
) => {
  const ticket = await visibleTicket(strapi, rights, number);
  const macro = await strapi.db
    .query(MACRO)
    .findOne({ where: { id: macroId }, populate: { group: { select: ['id'] } } });
  if (!macro || (macro.group && !seesGroup(rights, macro.group.id))) throw notFound('Canned reply');
  if (macro.body) {
    await postAgentMessage(
      strapi,
      ticket.id,
      { kind: 'reply', text: macro.body },
      agentActor(rights)
    );
  }
  const tags = macro.addTags?.length
    ? normaliseTags([...(ticket.tags ?? []), ...macro.addTags])
    : undefined;
  return changeTicket(
    strapi,
    ticket.id,
    {
      ...(macro.setStatus ? { status: macro.setStatus } : {}),
      ...(macro.setPriority ? { priority: macro.setPriority } : {}),
      ...(tags ? { tags } : {}),
    },
    agentActor(rights),
    { action: 'macro-applied' }
  );
};
