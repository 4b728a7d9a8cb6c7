/**
 * The desk's admin-panel permissions, as roles hold them. The CMS gives its Moderator role
 * `moderation`; the desk's own roles are Support agent (`work`) and Support lead (all four).
 */
export const DESK_PERMISSIONS = {
  /** Work the tickets of the groups the agent is a member of. */
  work: 'plugin::support.tickets.work',
  /** Work the Moderation group's tickets (moderators). */
  moderation: 'plugin::support.tickets.moderation',
  /** Work the tickets of every group. */
  allGroups: 'plugin::support.tickets.all-groups',
  /** Assign others, edit groups, SLA and canned replies, read the figures. */
  lead: 'plugin::support.lead',
} as const;

export type DeskPermission = (typeof DESK_PERMISSIONS)[keyof typeof DESK_PERMISSIONS];
