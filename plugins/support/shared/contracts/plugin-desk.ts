import type { TicketStatus } from './tickets';

/**
 * What other plugins (telephony) ask of the desk through its `plugin-desk` service: they never
 * read the desk's tables themselves.
 */

/** Where an agent is: only `available` agents get new tickets and live pop-ups. */
export const AGENT_STATUSES = ['available', 'busy', 'away'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/**
 * A live event for named agents only (telephony's call pop-up), sent on the desk's stream as
 * `event: notice`; `topic` tells the receiving component it is theirs.
 */
export interface AgentNotice<Data = unknown> {
  type: 'notice';
  topic: string;
  agentIds: number[];
  data: Data;
}

/** An internal note another plugin adds to a ticket (a call's summary), at most once per id. */
export interface TicketNote {
  number: string;
  text: string;
  /** The note's id at its source: the same id twice adds one note. */
  externalId: string;
  /** Tags added to the ticket's own (a missed call's `call-back`). */
  tags?: string[];
}

/** A ticket as a pop-up lists it. */
export interface TicketBrief {
  number: string;
  subject: string;
  status: TicketStatus;
}

/** Whose tickets to list: an ID account, a phone number, a clinic (any of them matches). */
export interface RequesterKeys {
  userId?: number;
  phone?: string;
  clinic?: string;
}

/** Who an agent is at the desk, as the desk's access policy leaves it on `ctx.state.supportRights`. */
export interface AgentScope {
  agentId: number;
  groupIds: number[];
  allGroups: boolean;
}

/** The desk's `plugin-desk` service: `strapi.plugin('support').service('plugin-desk')`. */
export interface PluginDesk {
  notify(notice: Omit<AgentNotice, 'type'>): void;
  /** Available agents of the group a channel's tickets land in (or `groupSlug`), by user id. */
  availableAgents(channel: 'phone', groupSlug?: string | null): Promise<number[]>;
  statusOf(userId: number): Promise<AgentStatus | null>;
  setStatus(userId: number, status: AgentStatus): Promise<void>;
  openTickets(keys: RequesterKeys): Promise<TicketBrief[]>;
  contactByPhone(phone: string): Promise<{ name: string | null; userId: number | null } | null>;
  ticketRef(number: string): Promise<{ id: number; number: string } | null>;
  /** 404 (Strapi's NotFoundError) for a ticket the agent does not see. */
  visibleTo(scope: AgentScope, number: string): Promise<{ id: number; number: string }>;
  addNote(note: TicketNote): Promise<boolean>;
}
