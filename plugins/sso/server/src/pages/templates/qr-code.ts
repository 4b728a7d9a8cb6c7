import QRCode from 'qrcode';

/**
 * An `otpauth://` URI as an inline SVG QR code: no image request, no script, nothing for the
 * page's CSP to allow. Medium error correction, as phone cameras read it from a screen.
 */
export const qrCodeSvg = (text: string): Promise<string> =>
  QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
