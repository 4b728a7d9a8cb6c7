/**
 * The number people quote: `VH-` and the row id past 10000, so numbers are short, never reused
 * and need no counter of their own.
 */
export const ticketNumberOf = (id: number) => `VH-${10000 + id}`;

/** A whole ticket number as people write it, for checking input. */
export const TICKET_NUMBER = /^VH-\d{5,9}$/;
