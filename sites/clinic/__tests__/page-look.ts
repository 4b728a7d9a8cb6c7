// How a clinic site's page looks, read back from Chromium's computed styles: a page whose
// stylesheet is lost or no longer matches its elements (another `data-astro-cid`) differs here.
import type { Page } from 'playwright-core';

/** The computed styles that carry the clinic sites' design. */
export interface PageLook {
  bodyFontSize: string;
  bodyMargin: string;
  /** The readable column: header, main and footer at most 56rem wide, centred. */
  mainMaxWidth: string;
  mainCentred: boolean;
  headerMaxWidth: string | null;
  headerBorderBottom: string | null;
  navDisplay: string | null;
  linkColour: string;
}

/** The look of every clinic page, on a 1280-pixel-wide window. */
export const DESIGNED_LOOK: PageLook = {
  bodyFontSize: '17px',
  bodyMargin: '0px',
  mainMaxWidth: '896px',
  mainCentred: true,
  headerMaxWidth: '896px',
  headerBorderBottom: '1px solid rgb(221, 221, 221)',
  navDisplay: 'flex',
  linkColour: 'rgb(138, 59, 0)',
};

/** The look of a page without the clinic's header (the 404 of an unknown host). */
export const DESIGNED_BARE_LOOK: PageLook = {
  ...DESIGNED_LOOK,
  headerMaxWidth: null,
  headerBorderBottom: null,
  navDisplay: null,
};

/** Reads the open page's {@link PageLook}. */
export const lookOf = (page: Page): Promise<PageLook> =>
  page.evaluate(() => {
    const styleOf = (selector: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element) : null;
    };
    const body = getComputedStyle(document.body);
    const main = document.querySelector('main')!;
    const box = main.getBoundingClientRect();
    const header = styleOf('body > header');
    return {
      bodyFontSize: body.fontSize,
      bodyMargin: body.margin,
      mainMaxWidth: getComputedStyle(main).maxWidth,
      mainCentred: Math.abs(box.left - (document.documentElement.clientWidth - box.right)) < 1,
      headerMaxWidth: header?.maxWidth ?? null,
      headerBorderBottom: header
        ? `${header.borderBottomWidth} ${header.borderBottomStyle} ${header.borderBottomColor}`
        : null,
      navDisplay: styleOf('header nav')?.display ?? null,
      linkColour: getComputedStyle(main.querySelector('a')!).color,
    };
  });
