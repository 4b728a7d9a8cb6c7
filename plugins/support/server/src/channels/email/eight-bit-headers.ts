import { TextDecoder } from 'node:util';

const REPLACEMENT = '\uFFFD';
/** What Russian mail with raw 8-bit headers and no declared charset is written in, nearly always. */
const FALLBACK_CHARSET = 'windows-1251';

/**
 * Some clients (old Outlook Express, The Bat!, webforms) write raw 8-bit headers in the body's
 * charset instead of encoded words; mailparser reads them as UTF-8 and gets replacement
 * characters. This reads such a header again from the raw bytes with the mail's charset.
 */
export class EightBitHeaders {
  private readonly decoder: TextDecoder;

  constructor(
    private readonly headerBlock: Buffer,
    charset: string
  ) {
    // Had the headers been in UTF-8 they would have decoded cleanly.
    const declared = /^(utf-?8|us-ascii|ascii)$/i.test(charset) ? undefined : decoderFor(charset);
    this.decoder = declared ?? new TextDecoder(FALLBACK_CHARSET);
  }

  /** `parsed` as it is when it decoded cleanly, else the raw header read with the charset. */
  repair(name: string, parsed: string | undefined): string | undefined {
    if (!parsed?.includes(REPLACEMENT)) return parsed;
    const raw = this.rawValue(name);
    return raw === undefined
      ? parsed
      : this.decoder
          .decode(raw)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim();
  }

  /** The display name of an address header, read again the same way. */
  repairName(name: string, parsed: string | undefined): string | undefined {
    if (!parsed?.includes(REPLACEMENT)) return parsed;
    const value = this.repair(name, parsed) ?? '';
    const display = value.includes('<') ? value.slice(0, value.indexOf('<')) : '';
    return display.trim().replace(/^"(.*)"$/, '$1') || parsed;
  }

  private rawValue(name: string): Buffer | undefined {
    // latin1 maps each byte to one character, so string offsets are byte offsets.
    const text = this.headerBlock.toString('latin1');
    const match = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(text);
    if (!match || match[1].includes('=?')) return undefined;
    const start = match.index + match[0].length - match[1].length;
    return this.headerBlock.subarray(start, start + match[1].length);
  }
}

const decoderFor = (charset: string): TextDecoder | undefined => {
  try {
    return new TextDecoder(charset);
  } catch {
    return undefined;
  }
};
