export interface OpeningHoursInput {
  day?: string;
  closed?: boolean | null;
  opens?: string | null;
  closes?: string | null;
}

/** Why one day's opening hours cannot be right, with the sub-field to blame, or null. */
export const openingHoursProblem = (
  hours: OpeningHoursInput
): { field: 'opens' | 'closes'; message: string } | null => {
  if (hours.closed) return null;
  if (!hours.opens) return { field: 'opens', message: 'is required unless the day is closed' };
  if (!hours.closes) return { field: 'closes', message: 'is required unless the day is closed' };
  // Times come as HH:mm[:ss[.SSS]], which compare correctly as strings.
  if (hours.closes <= hours.opens) return { field: 'closes', message: 'must be after opens' };
  return null;
};
