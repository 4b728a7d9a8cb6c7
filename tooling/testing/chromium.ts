import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), which `.ci/run` installs when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A headless Chromium for page tests, with no network of its own beyond what pages ask for:
 * background requests to Google and the like would be refused on our machines anyway.
 * `extraArgs` add switches, such as a fake microphone for WebRTC.
 */
export const launchChromium = (extraArgs: string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
