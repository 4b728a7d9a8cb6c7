import type { Page } from 'playwright-core';

/**
 * What our pages promise every visitor, checked in the browser on the page as rendered: Russian
 * as the document's language, one `main` landmark and one `h1`, a name for every control, link
 * and image, and text contrast of at least WCAG AA (4.5:1, 3:1 for large text). Returns the
 * problems found, each naming the element, so that a failing test says what to fix.
 */
export const accessibilityProblems = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const problems: string[] = [];
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `<${element.tagName.toLowerCase()}${id}>${text ? ` "${text}"` : ''}`;
    };
    const visible = (element: Element) => {
      // Chromium gives the content of a closed <details> boxes, though nobody sees it.
      const closed = element.closest('details:not([open])');
      if (closed && !element.closest('summary')) return false;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return (
        style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0
      );
    };
    const labelledBy = (element: Element) =>
      (element.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join('');
    const nameOf = (element: Element): string => {
      const aria = element.getAttribute('aria-label')?.trim() || labelledBy(element);
      if (aria) return aria;
      if (element instanceof HTMLImageElement) return element.alt.trim();
      const labels = (element as HTMLInputElement).labels;
      if (labels && labels.length > 0)
        return [...labels]
          .map((label) => label.textContent ?? '')
          .join('')
          .trim();
      const images = [...element.querySelectorAll('img')].map((image) => image.alt).join('');
      return (
        ((element as HTMLElement).innerText ?? '').trim() ||
        images.trim() ||
        element.getAttribute('title') ||
        ''
      );
    };

    if (!/^ru\b/.test(document.documentElement.lang)) {
      problems.push(`the document's language is "${document.documentElement.lang}", not Russian`);
    }
    const mains = document.querySelectorAll('main, [role="main"]').length;
    if (mains !== 1) problems.push(`${mains} main landmarks instead of one`);
    const h1s = document.querySelectorAll('h1').length;
    if (h1s !== 1) problems.push(`${h1s} h1 headings instead of one`);
    if (!document.title.trim()) problems.push('the page has no title');

    const controls =
      'input:not([type="hidden"]):not([type="submit"]):not([type="button"]), select, textarea';
    for (const control of document.querySelectorAll(controls)) {
      if (!nameOf(control)) problems.push(`the field ${describe(control)} has no label`);
    }
    for (const named of document.querySelectorAll('a[href], button, input[type="submit"]')) {
      const name = named instanceof HTMLInputElement ? named.value : nameOf(named);
      if (visible(named) && !name.trim())
        problems.push(`${describe(named)} has no accessible name`);
    }
    for (const image of document.querySelectorAll('img')) {
      if (!image.hasAttribute('alt'))
        problems.push(`the image ${image.getAttribute('src')} has no alt text`);
    }

    // Colours in any CSS syntax, reduced to sRGB bytes by a canvas.
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = color;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
      return { r: r!, g: g!, b: b!, a: a! / 255 };
    };
    const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const linear = (channel: number) => {
        const c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    /** The colour behind an element; undefined over an image, where contrast cannot be read. */
    const backgroundOf = (element: Element) => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.backgroundImage !== 'none') return undefined;
        const color = rgba(style.backgroundColor);
        if (color.a > 0.5) return color;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim()
      );
      if (!ownText || !visible(element)) continue;
      const style = getComputedStyle(element);
      const background = backgroundOf(element);
      if (!background) continue;
      const foreground = rgba(style.color);
      const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
      const ratio = (light! + 0.05) / (dark! + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) {
        problems.push(
          `${describe(element)} has contrast ${ratio.toFixed(2)}:1 (${style.color} on its background)`
        );
      }
    }
    return problems;
  });
