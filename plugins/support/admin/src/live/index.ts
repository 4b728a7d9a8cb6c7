/** The desk's live stream for other plugins' parts of the Support page (`/admin-live`). */
export { useAgentNotices } from './use-support-events';
