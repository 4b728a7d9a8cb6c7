import type { Core } from '@strapi/strapi';

import {
  ACTIVE_STATUSES,
  type AgentNotice,
  type AgentScope,
  type AgentStatus,
  type PluginDesk,
  type RequesterKeys,
  type TicketBrief,
  type TicketNote,
} from '../../../shared/contracts';
import { agentOf, allAgents, saveAgent } from '../agents/agent-profile';
import { TICKET, TICKET_MESSAGE } from '../content-types/uids';
import { liveEvents } from '../live/live-events';
import { groupFor } from '../routing/default-groups';
import { SYSTEM } from '../tickets/actor';
import { changeTicket } from '../tickets/change-ticket';
import { getTicket } from '../tickets/find-ticket';
import { postAgentMessage } from '../tickets/post-message';
import { normaliseTags } from '../tickets/tags';
import type { DeskRights } from '../rights/desk-rights';
import { visibleTicket } from './visible-ticket';

const OPEN_TICKETS_SHOWN = 10;

/**
 * What other plugins (telephony) do at the desk: they reach tickets, agents and the live stream
 * only through this, never the desk's tables.
 */
export const pluginDesk = (strapi: Core.Strapi): PluginDesk => ({
  /** Sends a live notice to the named agents' open Support pages. */
  notify(notice: Omit<AgentNotice, 'type'>) {
    liveEvents(strapi).emit({ type: 'notice', ...notice });
  },

  /** The agents of the group a channel's tickets land in (or `groupSlug`) who are available. */
  async availableAgents(channel: 'phone', groupSlug?: string | null) {
    const group = await groupFor(strapi, channel, groupSlug ?? undefined);
    if (!group) return [];
    return (await allAgents(strapi))
      .filter((agent) => agent.available && agent.groupIds.includes(group.id))
      .map((agent) => agent.userId);
  },

  async statusOf(userId: number): Promise<AgentStatus | null> {
    return (await agentOf(strapi, userId))?.status ?? null;
  },

  /** Sets an agent's status (busy during a call); nothing for an admin who is no agent. */
  async setStatus(userId: number, status: AgentStatus) {
    if (await agentOf(strapi, userId)) await saveAgent(strapi, userId, { status });
  },

  /** The open tickets of a requester by any of their keys, newest first. */
  async openTickets(keys: RequesterKeys): Promise<TicketBrief[]> {
    const or = [
      ...(keys.userId ? [{ requester: { id: keys.userId } }] : []),
      ...(keys.phone ? [{ requesterPhone: keys.phone }] : []),
      ...(keys.clinic ? [{ clinic: keys.clinic }] : []),
    ];
    if (or.length === 0) return [];
    const rows = (await strapi.db.query(TICKET).findMany({
      where: { $or: or, status: { $in: [...ACTIVE_STATUSES] } },
      select: ['number', 'subject', 'status'],
      orderBy: { id: 'desc' },
      limit: OPEN_TICKETS_SHOWN,
    })) as TicketBrief[];
    return rows.map(({ number, subject, status }) => ({ number, subject, status }));
  },

  /** Who wrote in from this phone number before (a ticket contact without an ID account). */
  async contactByPhone(phone: string) {
    const row = (await strapi.db.query(TICKET).findOne({
      where: { requesterPhone: phone },
      select: ['requesterName'],
      populate: { requester: { select: ['id'] } },
      orderBy: { id: 'desc' },
    })) as { requesterName: string | null; requester: { id: number } | null } | null;
    return row ? { name: row.requesterName, userId: row.requester?.id ?? null } : null;
  },

  /** The ticket numbered `number`, for a link to it; null when there is none. */
  async ticketRef(number: string) {
    const row = (await strapi.db
      .query(TICKET)
      .findOne({ where: { number }, select: ['id', 'number'] })) as {
      id: number;
      number: string;
    } | null;
    return row;
  },

  /** The ticket `number` if the agent sees it (404 otherwise, as for none). */
  async visibleTo(scope: AgentScope, number: string) {
    const ticket = await visibleTicket(strapi, scope as DeskRights, number);
    return { id: ticket.id, number: ticket.number };
  },

  /**
   * Adds an internal note (and tags) to a ticket once per `externalId`: a listener that runs
   * again for the same call adds nothing.
   * @returns false when the note was there already
   */
  async addNote(note: TicketNote) {
    const ticket = await getTicket(strapi, { number: note.number });
    const seen = await strapi.db
      .query(TICKET_MESSAGE)
      .count({ where: { externalId: note.externalId } });
    if (seen > 0) return false;
    await postAgentMessage(
      strapi,
      ticket.id,
      { kind: 'note', text: note.text, externalId: note.externalId },
      SYSTEM
    );
    if (note.tags?.length) {
      const tags = normaliseTags([...(ticket.tags ?? []), ...note.tags]);
      await changeTicket(strapi, ticket.id, { tags }, SYSTEM, { action: 'tagged' });
    }
    return true;
  },
});
