import { describe, expect, it } from 'vitest';

import { SseParser } from '../sse-parser';

describe('SseParser', () => {
  it('reads named frames split anywhere across chunks, skipping heartbeats', () => {
    const stream =
      ': connected\n\nevent: ticket.created\ndata: {"type":"ticket.created","number":"VH-00001","groupId":1}\n\n' +
      ': keep-alive\n\nevent: message.created\r\ndata: {"number":"VH-00002"}\r\n\r\n';
    const parser = new SseParser();
    const frames = [];
    for (let index = 0; index < stream.length; index += 7)
      frames.push(...parser.push(stream.slice(index, index + 7)));
    expect(frames).toEqual([
      {
        event: 'ticket.created',
        data: '{"type":"ticket.created","number":"VH-00001","groupId":1}',
      },
      { event: 'message.created', data: '{"number":"VH-00002"}' },
    ]);
  });

  it('joins multi-line data, defaults the name to message and waits for the blank line', () => {
    const parser = new SseParser();
    expect(parser.push('data: first\ndata:second\n')).toEqual([]);
    expect(parser.push('\nevent: lone\n\n')).toEqual([{ event: 'message', data: 'first\nsecond' }]);
  });

  it('treats a CRLF split between chunks as one line end', () => {
    const parser = new SseParser();
    expect(parser.push('data: x\r')).toEqual([]);
    expect(parser.push('\ndata: y\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual([{ event: 'message', data: 'x\ny' }]);
  });
});
