const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Where to cut `text` so the first part has at most `max` UTF-16 units: a break, else a space. */
const cutPoint = (text: string, max: number) => {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max / 2);
  const lineBreak = window.lastIndexOf('\n');
  if (lineBreak >= floor) return lineBreak;
  const space = window.lastIndexOf(' ');
  if (space >= floor) return space;
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
};

/**
 * Splits a reply into parts a provider takes in one message (Telegram 4096, Twilio 1600), at
 * line breaks or spaces where it can, never inside a character. The break itself is dropped.
 */
export const splitText = (text: string, max: number): string[] => {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    parts.push(rest.slice(0, cut));
    const breakChar = rest[cut] === '\n' || rest[cut] === ' ';
    rest = rest.slice(breakChar ? cut + 1 : cut);
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
};
