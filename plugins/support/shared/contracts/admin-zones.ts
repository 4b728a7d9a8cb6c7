import type { TicketDetail } from './admin';

/**
 * Places in the Support page where other plugins show their parts (telephony's softphone and
 * call pop-up, a ticket's calls), so the desk needs no import of them. A plugin injects into a
 * zone in its admin `bootstrap`:
 * `app.getPlugin('support').injectComponent('desk', 'rail', { name, Component })`.
 */
export const SUPPORT_INJECTION_ZONES = {
  /** Above every view of the Support page; gets no props. */
  desk: { rail: [] },
  /** Beside a ticket, under its actions; gets `TicketZoneProps`. */
  ticket: { aside: [] },
} as const;

export type SupportZone = 'desk.rail' | 'ticket.aside';

/** What a component in `ticket.aside` is given. */
export interface TicketZoneProps {
  ticket: TicketDetail;
}
