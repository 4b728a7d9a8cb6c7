/** What the webhook answers: Twilio reads TwiML, and an empty Response sends nothing back. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';
export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';
