/**
 * How an author is shown under a public review: first name and the initial of the last
 * ("Анна К."), never the email; "Пациент" for someone without a name. The least that still
 * reads as a person.
 */
export const publicAuthorName = (fullName: string | null | undefined): string => {
  const [first, last] = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (!first) return 'Пациент';
  return (last ? `${first} ${[...last][0]}.` : first).slice(0, 60);
};
