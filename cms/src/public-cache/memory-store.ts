import type { AnswerStore, CachedAnswer } from './answer-store';

/** One node's answers, least recently used dropped past `maxEntries`. */
export const memoryAnswerStore = (maxEntries: number): AnswerStore => {
  const answers = new Map<string, CachedAnswer>();
  const versions = new Map<string, number>();

  return {
    async lookup(key, tags) {
      const answer = answers.get(key);
      if (answer) {
        // Re-inserted: a Map iterates in insertion order, so the first key is the least recent.
        answers.delete(key);
        answers.set(key, answer);
      }
      return { answer, versions: tags.map((tag) => versions.get(tag) ?? 0) };
    },

    async save(key, answer) {
      if (maxEntries === 0) return;
      answers.delete(key);
      answers.set(key, answer);
      while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
    },

    async bump(tags) {
      for (const tag of tags) versions.set(tag, (versions.get(tag) ?? 0) + 1);
    },

    async close() {
      answers.clear();
    },
  };
};
