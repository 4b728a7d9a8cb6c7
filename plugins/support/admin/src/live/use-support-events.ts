import { useEffect, useRef } from 'react';

import type { AgentNotice, SupportEvent } from '../../../shared/contracts';
import { useSupportApi } from '../api/support-api';
import { SseParser, type SseFrame } from './sse-parser';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/**
 * Calls `onFrame` for every frame of `GET /support/events`, reconnecting with doubling
 * backoff. EventSource cannot send the admin's Authorization header, hence fetch and a reader.
 */
const useEventStream = (onFrame: (frame: SseFrame) => void) => {
  const api = useSupportApi();
  const latest = useRef(onFrame);
  latest.current = onFrame;

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
        for (const frame of parser.push(value)) latest.current(frame);
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

/** Calls `onEvent` for every live ticket event the agent may see. */
export const useSupportEvents = (onEvent: (event: SupportEvent) => void) =>
  useEventStream((frame) => {
    if (frame.event !== 'notice') onEvent(JSON.parse(frame.data) as SupportEvent);
  });

/** Calls `onNotice` for every notice of `topic` addressed to this agent (another plugin's). */
export const useAgentNotices = <Data>(
  topic: string,
  onNotice: (notice: AgentNotice<Data>) => void
) =>
  useEventStream((frame) => {
    if (frame.event !== 'notice') return;
    const notice = JSON.parse(frame.data) as AgentNotice<Data>;
    if (notice.topic === topic) onNotice(notice);
  });
