import type { BoundingBox, ElementHandle, Page } from 'puppeteer';

const ELEMENT_TIMEOUT_MS = 8_000;
const MARGIN_PX = 60;
const MAX_SCROLLS = 8;

/**
 * Waits for a visible element and scrolls (with `scrollBy`, i.e. the wheel) until it sits inside the
 * viewport; returns its box in viewport coordinates.
 */
export async function visibleBox(
  page: Page,
  selector: string,
  scrollBy: (deltaY: number) => Promise<void>,
): Promise<BoundingBox> {
  const handle = await page.waitForSelector(selector, { visible: true, timeout: ELEMENT_TIMEOUT_MS });
  if (!handle) throw new Error(`${selector} did not appear`);
  try {
    return await scrollIntoView(page, handle, selector, scrollBy);
  } finally {
    await handle.dispose();
  }
}

async function scrollIntoView(
  page: Page,
  handle: ElementHandle,
  selector: string,
  scrollBy: (deltaY: number) => Promise<void>,
): Promise<BoundingBox> {
  const height = page.viewport()?.height ?? 800;
  let previousY: number | undefined;
  for (let attempt = 0; ; attempt++) {
    const box = await handle.boundingBox();
    if (!box) throw new Error(`${selector} has no layout box`);
    const above = box.y < 0;
    const below = box.y + box.height > height - MARGIN_PX;
    // Stuck (sticky header, end of the page) or taller than the viewport: as visible as it gets.
    if ((!above && !below) || box.y === previousY || attempt >= MAX_SCROLLS) return box;
    previousY = box.y;
    await scrollBy(above ? box.y - height / 3 : box.y + box.height - (height * 2) / 3);
  }
}
