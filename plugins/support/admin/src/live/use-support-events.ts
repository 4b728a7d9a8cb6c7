import { useEffect, useRef } from 'react';

import type { SupportEvent } from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { SseParser } from './sse-parser';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Calls `onEvent` for every live event of `GET /support/events`, reconnecting with doubling
 * backoff. EventSource cannot send the admin's Authorization header, hence fetch and a reader.
 */
export const useSupportEvents = (onEvent: (event: SupportEvent) => void) => {
  const api = useSupportApi();
  const latest = useRef(onEvent);
  latest.current = onEvent;

  useEffect(() => {
    const abort = new AbortController();
    let retryMs = FIRST_RETRY_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const listen = async () => {
      const response = await api.events(abort.signal);
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = new SseParser();
      retryMs = FIRST_RETRY_MS;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const frame of parser.push(value)) latest.current(JSON.parse(frame.data));
      }
    };
    const connect = () => {
      listen()
        .catch(() => undefined)
        .finally(() => {
          if (abort.signal.aborted) return;
          timer = setTimeout(connect, retryMs);
          retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
        });
    };
    connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api]);
};
