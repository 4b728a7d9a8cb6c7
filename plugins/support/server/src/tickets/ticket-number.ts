/**
 * The number people quote: `VH-` and the row id past 10000, so numbers are short, never reused
 * and need no counter of their own.
 */
export const ticketNumberOf = (id: number) => `VH-${10000 + id}`;

const NUMBER_PATTERN = /^VH-\d{5,9}$/;

export const isTicketNumber = (value: string) => NUMBER_PATTERN.test(value);
