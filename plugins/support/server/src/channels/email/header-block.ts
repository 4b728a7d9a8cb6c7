/** Enough for any real header block; an enormous one is cut, not read whole. */
const HEADER_BLOCK_BYTES = 64 * 1024;

/** The raw header block of a mail (up to the first empty line), at most 64 KB of it. */
export const headerBlockOf = (raw: Buffer): Buffer => {
  const start = raw.subarray(0, HEADER_BLOCK_BYTES);
  const ends = [start.indexOf('\r\n\r\n'), start.indexOf('\n\n')].filter((i) => i >= 0);
  return ends.length > 0 ? start.subarray(0, Math.min(...ends)) : start;
};

/** Whether anything but white space follows the header block. */
export const hasBody = (raw: Buffer): boolean => {
  const end = headerBlockOf(raw).length;
  return /\S/.test(raw.subarray(end).toString('latin1'));
};
