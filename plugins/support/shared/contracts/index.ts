export { CHANNELS, REPLYABLE_CHANNELS } from './channels';
export type { Channel, RequesterContact } from './channels';
export type { AutomaticKind, InboundAttachment, InboundMessage } from './inbound';
export type { ChannelSender, OutboundAttachment, OutboundReply } from './outbound';
export { ACTIVE_STATUSES, SUPPORT_LIMITS, TICKET_PRIORITIES, TICKET_STATUSES } from './tickets';
export type {
  AuthorKind,
  CreateTicketRequest,
  CreateTicketResponse,
  MessageKind,
  ReplyRequest,
  RequesterMessage,
  RequesterTicket,
  RequesterTicketThread,
  SlaState,
  TicketPriority,
  TicketStatus,
} from './tickets';
export type {
  AgentMessageRequest,
  AgentView,
  AuditEntryView,
  BoardView,
  GroupView,
  MacroView,
  ModerationSubjectView,
  ProblemStatus,
  ProblemView,
  SavedFilterView,
  SupportEvent,
  SupportMeta,
  SupportRights,
  SupportStats,
  TicketDetail,
  TicketFilter,
  TicketList,
  TicketListItem,
  TicketMessageView,
  TicketSort,
  TicketUpdate,
} from './admin';
export { DESK_PERMISSIONS } from './rights';
export type { DeskPermission } from './rights';
export type {
  ModerationDecision,
  ModerationDesk,
  ModerationKind,
  ModerationRequest,
  ModerationSubjects,
} from './moderation';
export type { BusInboundMessage, BusTicketPayload } from './bus';
export { SUPPORT_INJECTION_ZONES } from './admin-zones';
export type { SupportZone, TicketZoneProps } from './admin-zones';
export { AGENT_STATUSES } from './plugin-desk';
export type {
  AgentNotice,
  AgentScope,
  AgentStatus,
  PluginDesk,
  RequesterKeys,
  TicketBrief,
  TicketNote,
} from './plugin-desk';
