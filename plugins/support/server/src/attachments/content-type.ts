/** Signatures of the kinds of file people send Support, recognised by their first bytes. */
const SIGNATURES: { mime: string; ext: string; test: (head: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', ext: '.jpg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  {
    mime: 'image/png',
    ext: '.png',
    test: (h) => h.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  {
    mime: 'image/gif',
    ext: '.gif',
    test: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')),
  },
  {
    mime: 'image/webp',
    ext: '.webp',
    test: (h) =>
      h.subarray(0, 4).toString('latin1') === 'RIFF' &&
      h.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  {
    mime: 'application/pdf',
    ext: '.pdf',
    test: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  },
  { mime: 'video/mp4', ext: '.mp4', test: (h) => h.subarray(4, 8).toString('latin1') === 'ftyp' },
  // Office documents and other zip containers: kept, offered only as a download.
  {
    mime: 'application/zip',
    ext: '.zip',
    test: (h) => h.subarray(0, 4).equals(Buffer.from('504b0304', 'hex')),
  },
];

const isText = (head: Buffer) => {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(
      head.subarray(0, Math.max(0, head.length - 4))
    );
    return true;
  } catch {
    return false;
  }
};

export interface SniffedType {
  mime: string;
  /** The extension the stored name gets, whatever the sender called the file. */
  ext: string;
}

/**
 * What a file is, by its content: the sender's name and type are not believed. Raw mail kept
 * whole is `message/rfc822`; anything unrecognised is `application/octet-stream`, stored and
 * offered to agents as a download, never shown inline.
 */
export const sniffContentType = (head: Buffer, claimed: string): SniffedType => {
  if (claimed === 'message/rfc822') return { mime: 'message/rfc822', ext: '.eml' };
  const known = SIGNATURES.find((signature) => signature.test(head));
  if (known) {
    const officeDocument = known.mime === 'application/zip' && claimed.includes('officedocument');
    return officeDocument ? { mime: claimed, ext: '' } : { mime: known.mime, ext: known.ext };
  }
  if (isText(head)) return { mime: 'text/plain', ext: '.txt' };
  return { mime: 'application/octet-stream', ext: '.bin' };
};
