const RAGE_CLICK_DISTANCE_PX = 30;
const RAGE_CLICK_WINDOW_MS = 1000;
const RAGE_CLICK_COUNT = 3;

/**
 * PostHog's rage-click rule: the third click within 30 px (Manhattan) and 1 s of the click before it.
 * Feed every click in time order; `isRageClick` is true once per burst.
 */
export class RageClickDetector {
  private clicks: Array<{ x: number; y: number; timestamp: number }> = [];

  isRageClick(x: number, y: number, timestamp: number): boolean {
    const last = this.clicks[this.clicks.length - 1];
    if (
      last &&
      Math.abs(x - last.x) + Math.abs(y - last.y) < RAGE_CLICK_DISTANCE_PX &&
      timestamp - last.timestamp < RAGE_CLICK_WINDOW_MS
    ) {
      this.clicks.push({ x, y, timestamp });
      return this.clicks.length === RAGE_CLICK_COUNT;
    }
    this.clicks = [{ x, y, timestamp }];
    return false;
  }
}
