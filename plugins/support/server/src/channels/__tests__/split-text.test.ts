import { describe, expect, it } from 'vitest';

import { splitText } from '../split-text';

describe('splitText', () => {
  it('cuts at a line break, else a space, never inside a character', () => {
    expect(splitText('short', 10)).toEqual(['short']);
    expect(splitText('aaaa bbb\ncc dd', 10)).toEqual(['aaaa bbb', 'cc dd']);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    const emoji = `${'x'.repeat(9)}😀${'y'.repeat(3)}`;
    const parts = splitText(emoji, 10);
    expect(parts).toEqual(['x'.repeat(9), `😀${'y'.repeat(3)}`]);
    expect(parts.join('')).toBe(emoji);
  });
});
