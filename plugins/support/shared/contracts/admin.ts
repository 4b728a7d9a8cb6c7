import type { Channel, RequesterContact } from './channels';
import type { AgentStatus } from './plugin-desk';
import type { AuthorKind, MessageKind, SlaState, TicketPriority, TicketStatus } from './tickets';

// The admin panel's Support API (routes under `/support`, admin JWT). Every list is scoped on
// the server to the groups the agent may see.

export interface GroupView {
  id: number;
  slug: string;
  name: string;
}

export interface AgentView {
  id: number;
  name: string;
  status: AgentStatus;
  groupIds: number[];
}

/** What the signed-in agent may do; the UI hides what the server would refuse anyway. */
export interface SupportRights {
  /** Sees every group (Support lead, Administrator). */
  allGroups: boolean;
  /** Assigns tickets to others, edits SLA and groups, reads reports. */
  lead: boolean;
  /** May moderate reviews from Moderation tickets. */
  moderate: boolean;
}

export interface TicketFilter {
  status?: TicketStatus[];
  groupId?: number[];
  /** 'me', 'none' or an agent id. */
  assignee?: 'me' | 'none' | number;
  channel?: Channel[];
  tag?: string;
  /** documentId of the related clinic. */
  clinic?: string;
  sla?: Exclude<SlaState, 'none' | 'ok'>;
  /** Full text over subject, number, requester and messages. */
  q?: string;
}

export type TicketSort = 'sla' | 'updated' | 'created' | 'priority';

export interface SavedFilterView {
  id: number;
  name: string;
  filter: TicketFilter;
  sort: TicketSort;
  /** Shared with this group (its agents see it), or personal when null. */
  sharedWithGroupId: number | null;
  mine: boolean;
}

/** A board: columns, each a saved filter shown as a count and its first tickets. */
export interface BoardView {
  id: number;
  name: string;
  columns: { filterId: number }[];
  sharedWithGroupId: number | null;
  mine: boolean;
}

export interface MacroView {
  id: number;
  name: string;
  body: string;
  setStatus: TicketStatus | null;
  setPriority: TicketPriority | null;
  addTags: string[];
}

export interface SupportMeta {
  me: { id: number; name: string; status: AgentStatus; groupIds: number[]; rights: SupportRights };
  groups: GroupView[];
  agents: AgentView[];
  macros: MacroView[];
  filters: SavedFilterView[];
  boards: BoardView[];
}

export interface TicketListItem {
  number: string;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: Channel;
  group: GroupView | null;
  assignee: { id: number; name: string } | null;
  requesterName: string | null;
  tags: string[];
  sla: { state: SlaState; dueAt: string | null };
  /** The ticket's problem, when linked. */
  problemId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketList {
  tickets: TicketListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TicketMessageView {
  id: number;
  kind: MessageKind;
  author: { kind: AuthorKind; name: string | null };
  channel: Channel;
  text: string;
  createdAt: string;
  attachments: { id: number; name: string; mime: string; size: number; url: string }[];
  delivery: 'pending' | 'sent' | 'failed' | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actor: { kind: 'agent' | 'requester' | 'system'; name: string | null };
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The review (or report of a review) a Moderation ticket stands for. */
export interface ModerationSubjectView {
  kind: 'review' | 'reply' | 'report';
  documentId: string;
  status: string;
  title: string | null;
  text: string;
  targetName: string | null;
}

export interface TicketDetail extends TicketListItem {
  requester: Omit<RequesterContact, 'name'> & { name: string | null };
  clinic: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  links: { kind: 'ticket' | 'review' | 'report' | 'call'; ref: string }[];
  mergedInto: string | null;
  problem: { id: number; title: string; status: ProblemStatus } | null;
  moderation: ModerationSubjectView | null;
  messages: TicketMessageView[];
  audit: AuditEntryView[];
}

/** `PATCH /support/tickets/:number` — only the fields given change. */
export interface TicketUpdate {
  status?: TicketStatus;
  priority?: TicketPriority;
  groupId?: number;
  assigneeId?: number | null;
  tags?: string[];
  problemId?: number | null;
}

/** `POST /support/tickets/:number/messages` (JSON, or multipart with `files`). */
export interface AgentMessageRequest {
  kind: MessageKind;
  body: string;
}

export type ProblemStatus = 'open' | 'resolved';

export interface ProblemView {
  id: number;
  title: string;
  description: string;
  status: ProblemStatus;
  /** An incident of it was reopened after the problem was resolved. */
  flagged: boolean;
  resolution: string | null;
  incidents: { number: string; subject: string; status: TicketStatus }[];
  createdAt: string;
}

/** One live event, sent on `GET /support/events` (text/event-stream). */
export interface SupportEvent {
  type: 'ticket.created' | 'ticket.updated' | 'message.created';
  number: string;
  groupId: number | null;
}

export interface SupportStats {
  days: { day: string; opened: number; closed: number }[];
  firstResponseMinutes: { median: number | null; p90: number | null };
  resolutionMinutes: { median: number | null; p90: number | null };
  breaches: { day: string; firstResponse: number; resolution: number }[];
  backlogByGroup: { group: GroupView; count: number }[];
}
