import { createHmac, timingSafeEqual } from 'node:crypto';

import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS } from '../../../shared/contracts';
import { badSignature } from '../errors';

const parseHeader = (header: string) => {
  let timestamp: number | null = null;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 values let a sender sign with an old and a new secret while rotating.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  return { timestamp, signatures };
};

/**
 * Checks `X-VixenHealth-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`
 * against the integration's secret (401 otherwise). The time is signed with the body, so an
 * event replayed later than the tolerance is refused even with its genuine signature; one
 * replayed within it is the same event id, which changes nothing.
 */
export const verifySignature = (
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowMs: number
) => {
  if (!header) throw badSignature(`The ${SIGNATURE_HEADER} header is missing`);
  if (!secret) throw badSignature('This integration has no signing secret');
  const { timestamp, signatures } = parseHeader(header);
  if (timestamp === null || signatures.length === 0) {
    throw badSignature(`The ${SIGNATURE_HEADER} header must be t=<unix seconds>,v1=<hex>`);
  }
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    throw badSignature(
      `The signature's time is more than ${SIGNATURE_TOLERANCE_SECONDS} seconds from ours`
    );
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  if (!signatures.some((signature) => timingSafeEqual(signature, expected))) {
    throw badSignature('The signature does not match the body');
  }
};
