import { describe, expect, it } from 'vitest';

import { formatYears } from '../format';

describe('formatYears', () => {
  it.each([
    [1, '1 год'],
    [3, '3 года'],
    [5, '5 лет'],
    [11, '11 лет'],
    [14, '14 лет'],
    [21, '21 год'],
    [22, '22 года'],
    [111, '111 лет'],
  ])('%i → %s', (years, text) => expect(formatYears(years)).toBe(text));
});
