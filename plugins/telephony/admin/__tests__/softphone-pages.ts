import type { Browser, Page } from 'playwright-core';

/** Chromium with a fake microphone that needs no permission prompt, media on loopback. */
export const SOFTPHONE_CHROMIUM_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Test-only: records each page's peer connections for `getStats()`, and keeps only loopback
 * candidates of the other side, so that media never leaves 127.0.0.1.
 */
const instrumentWebRtc = () => {
  const Native = window.RTCPeerConnection;
  const connections: RTCPeerConnection[] = [];
  (window as unknown as { peerConnections: RTCPeerConnection[] }).peerConnections = connections;
  const loopbackOnly = (sdp: string) =>
    sdp
      .split('\r\n')
      .filter((line) => !line.startsWith('a=candidate:') || line.includes(' 127.0.0.1 '))
      .join('\r\n');
  class Recorded extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      connections.push(this);
    }
    override setRemoteDescription(description: RTCSessionDescriptionInit) {
      return super.setRemoteDescription({
        type: description.type,
        sdp: loopbackOnly(description.sdp ?? ''),
      });
    }
  }
  window.RTCPeerConnection = Recorded;
};

/** A fresh page whose WebRTC is instrumented (see `instrumentWebRtc`). */
export const instrumentedPage = async (browser: Browser) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(instrumentWebRtc);
  return context.newPage();
};

/** Audio packets received in the page's latest call. */
export const audioPacketsReceived = (page: Page) =>
  page.evaluate(async () => {
    const { peerConnections } = window as unknown as { peerConnections: RTCPeerConnection[] };
    let packets = 0;
    for (const connection of peerConnections.slice(-1)) {
      (await connection.getStats()).forEach((report) => {
        if (report.type === 'inbound-rtp' && report.kind === 'audio')
          packets += report.packetsReceived;
      });
    }
    return packets;
  });

/** An admin user signed in to the admin panel, on the Support page (where the softphone is). */
export const signedInAgent = async (
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string }
) => {
  const page = await instrumentedPage(browser);
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(/\/admin(?!\/auth)/);
  await page.goto(`${baseUrl}/admin/plugins/support`);
  return page;
};

export const phoneOf = (page: Page) => page.getByRole('region', { name: 'Телефон' });
