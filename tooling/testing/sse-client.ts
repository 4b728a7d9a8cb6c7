/** One server-sent event as a test reads it. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Listens to a text/event-stream over HTTP (with a bearer token, which EventSource cannot send)
 * and keeps every event, so a test can wait for one or check that none came.
 */
export const openSse = async (url: string, token: string) => {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE ${url}: ${response.status}`);
  const events: SseEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const frame = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const data = frame.filter((line) => line.startsWith('data:')).map((l) => l.slice(5).trim());
        if (data.length === 0) continue;
        const name =
          frame
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim() ?? 'message';
        events.push({ event: name, data: data.join('\n') });
      }
    }
  })().catch(() => undefined);

  return {
    events,
    /** The first event (seen or to come) that `match` accepts, or a rejection after `timeoutMs`. */
    async waitFor(match: (event: SseEvent) => boolean, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('no matching server-sent event');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      abort.abort();
      await reading;
    },
  };
};
