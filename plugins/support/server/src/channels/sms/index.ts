/**
 * The SMS channel, on Twilio's API (the most widespread gateway format). The webhook controller
 * reads the urlencoded form, checks X-Twilio-Signature against the full public URL
 * (`verifyTwilioSignature`; 403 on WebhookRefusedError, nothing taken in), turns the form into an
 * InboundMessage (`twilioWebhookToInbound`, externalId `sms:<MessageSid>`) and answers
 * `EMPTY_TWIML` as `TWIML_CONTENT_TYPE`. Replies go out through `createSmsSender`; `apiBaseUrl`
 * points at Twilio or at a local gateway in tests.
 */
export { SMS_DEFAULT_API_BASE_URL, smsConfigFromEnv } from './config';
export type { SmsChannelConfig } from './config';
export { createSmsSender, SMS_TEXT_LIMIT } from './sender';
export { TWILIO_SIGNATURE_HEADER, twilioSignature, verifyTwilioSignature } from './signature';
export { EMPTY_TWIML, TWIML_CONTENT_TYPE } from './twiml';
export { twilioWebhookToInbound } from './webhook-to-inbound';
