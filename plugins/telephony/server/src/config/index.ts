/** Telephony settings, given in `cms/config/plugins.ts` from the environment. */
export interface TelephonyConfig {
  /**
   * 32 bytes, base64: encrypts integration secrets and agents' SIP passwords at rest
   * (`TELEPHONY_ENCRYPTION_KEY`). Without it, nothing secret can be stored.
   */
  encryptionKey: string;
  /** The country of numbers written without a country code (`8 495 …`, `495 …`). */
  defaultCountry: string;
  /** How long call recordings are kept. */
  recordingRetentionDays: number;
  /** Providers' API addresses: real ones in production, local servers in tests. */
  mangoApiUrl: string;
  zadarmaApiUrl: string;
  /** The Zadarma account's time zone: its notifications give times in it, without an offset. */
  zadarmaTimeZone: string;
}

export default {
  default: {
    encryptionKey: '',
    defaultCountry: 'RU',
    recordingRetentionDays: 90,
    mangoApiUrl: 'https://app.mango-office.ru/vpbx',
    zadarmaApiUrl: 'https://api.zadarma.com',
    zadarmaTimeZone: 'Europe/Moscow',
  } satisfies TelephonyConfig,

  validator(config: TelephonyConfig) {
    if (config.encryptionKey && Buffer.from(config.encryptionKey, 'base64').length !== 32) {
      throw new Error(
        'telephony.encryptionKey must be 32 bytes, base64 (TELEPHONY_ENCRYPTION_KEY)'
      );
    }
    if (!/^[A-Z]{2}$/.test(config.defaultCountry)) {
      throw new Error('telephony.defaultCountry must be a two-letter country code');
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: config.zadarmaTimeZone });
    } catch {
      throw new Error('telephony.zadarmaTimeZone must be an IANA time zone, like Europe/Moscow');
    }
    if (!(config.recordingRetentionDays >= 1)) {
      throw new Error('telephony.recordingRetentionDays must be >= 1');
    }
  },
};
