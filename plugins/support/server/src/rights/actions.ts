import { DESK_PERMISSIONS, type DeskPermission } from '../../../shared/contracts';

const DISPLAY_NAMES: Record<DeskPermission, string> = {
  [DESK_PERMISSIONS.work]: "Work the tickets of one's own groups",
  [DESK_PERMISSIONS.moderation]: 'Work the Moderation group (reviews to moderate)',
  [DESK_PERMISSIONS.allGroups]: 'Work the tickets of every group',
  [DESK_PERMISSIONS.lead]: 'Lead Support: assign others, groups, SLA, canned replies, figures',
};

const PREFIX = 'plugin::support.';

/** The desk's permissions as Strapi's action provider registers them (uid without the prefix). */
export const ACTION_DEFINITIONS = Object.values(DESK_PERMISSIONS).map((permission) => ({
  section: 'plugins' as const,
  pluginName: 'support',
  displayName: DISPLAY_NAMES[permission],
  uid: permission.slice(PREFIX.length),
}));
