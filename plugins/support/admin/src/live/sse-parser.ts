/** One server-sent event: its `event:` name (default `message`) and its joined `data:` lines. */
export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Parses a text/event-stream as its chunks arrive (WHATWG HTML §9.2.6): a chunk may end in the
 * middle of a line or a frame, so the unfinished rest waits for the next chunk. Comments
 * (heartbeats) and frames without data are skipped, as EventSource does.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(chunk: string): SseFrame[] {
    const text = this.buffer + chunk;
    // A trailing '\r' may be the first half of '\r\n': keep it for the next chunk.
    const held = text.endsWith('\r') ? '\r' : '';
    const lines = text.slice(0, text.length - held.length).split(/\r\n|\r|\n/);
    this.buffer = (lines.pop() ?? '') + held;
    const frames: SseFrame[] = [];
    for (const line of lines) {
      const frame = this.line(line);
      if (frame) frames.push(frame);
    }
    return frames;
  }

  private line(line: string): SseFrame | null {
    if (line === '') {
      const frame =
        this.data.length > 0
          ? { event: this.event || 'message', data: this.data.join('\n') }
          : null;
      this.event = '';
      this.data = [];
      return frame;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const raw = colon === -1 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
