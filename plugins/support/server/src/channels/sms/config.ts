/** The Twilio-compatible SMS gateway's settings (`SMS_*` in `.env`). */
export interface SmsChannelConfig {
  /** `https://api.twilio.com`, or a gateway speaking the same API (tests). */
  apiBaseUrl: string;
  accountSid: string;
  /** Signs webhooks and authenticates API calls; never logged. */
  authToken: string;
  /** The desk's own number, E.164. */
  from: string;
}

export const SMS_DEFAULT_API_BASE_URL = 'https://api.twilio.com';

/** The channel's settings from the environment, or null when no gateway is configured. */
export const smsConfigFromEnv = (
  env: Readonly<Record<string, string | undefined>>
): SmsChannelConfig | null => {
  const { SMS_ACCOUNT_SID: accountSid, SMS_AUTH_TOKEN: authToken, SMS_FROM: from } = env;
  if (!accountSid || !authToken || !from) return null;
  return {
    apiBaseUrl: env.SMS_API_BASE_URL || SMS_DEFAULT_API_BASE_URL,
    accountSid,
    authToken,
    from,
  };
};
