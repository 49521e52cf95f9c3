import type { Page } from 'puppeteer';
import { visibleBox } from './visible-box.util';
import { mousePath, type Point } from './mouse-path.util';
import type { Persona } from './personas.constants';
import type { Random } from './random.util';

const NAVIGATION_TIMEOUT_MS = 15_000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Drives a page the way one persona would: curved mouse paths, hesitation, typing with typos, wheel scrolls. */
export class HumanInput {
  private position: Point;

  constructor(
    private readonly page: Page,
    private readonly persona: Persona,
    private readonly random: Random,
  ) {
    this.position = { x: random.int(300, 900), y: random.int(150, 500) };
  }

  /** Waits `ms` (real time), or a random time in `[min, max]`. */
  async idle(ms: number | readonly [number, number]): Promise<void> {
    const wait = typeof ms === 'number' ? ms : this.random.between(ms[0], ms[1]);
    await new Promise((resolve) => setTimeout(resolve, Math.round(wait)));
  }

  /** Looks at a freshly shown page: a reading pause, the hand now and then drifting on the mouse. */
  async read(): Promise<void> {
    await this.idle(this.persona.readingMs);
    if (!this.random.chance(0.6)) return;
    const drift = {
      x: this.position.x + this.random.int(-80, 80),
      y: this.position.y + this.random.int(-50, 50),
    };
    await this.moveAlong({ x: clamp(drift.x, 5, 1270), y: clamp(drift.y, 5, 790) });
  }

  /** Scrolls by `deltaY` pixels in a few wheel notches. */
  async scrollBy(deltaY: number): Promise<void> {
    const notches = Math.max(1, Math.round(Math.abs(deltaY) / 150));
    for (let i = 0; i < notches; i++) {
      await this.page.mouse.wheel({ deltaY: deltaY / notches });
      await this.idle([20, 50]);
    }
    await this.idle(80);
  }

  /** Moves the mouse to a random point inside the element, scrolling it into view first. */
  async moveTo(selector: string): Promise<Point> {
    const box = await visibleBox(this.page, selector, (deltaY) => this.scrollBy(deltaY));
    const target = {
      x: box.x + box.width * this.random.between(0.3, 0.7),
      y: box.y + box.height * this.random.between(0.3, 0.7),
    };
    await this.moveAlong(target);
    return target;
  }

  /** Moves to the element, hesitates, clicks. */
  async click(selector: string): Promise<void> {
    const point = await this.moveTo(selector);
    await this.idle(this.persona.hesitationMs);
    await this.page.mouse.click(point.x, point.y, { delay: this.random.int(40, 90) });
  }

  /** Clicks an element that loads another page, and waits for that page. */
  async clickToNavigate(selector: string): Promise<void> {
    const point = await this.moveTo(selector);
    await this.idle(this.persona.hesitationMs);
    await Promise.all([
      this.page.waitForNavigation({ waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS }),
      this.page.mouse.click(point.x, point.y, { delay: this.random.int(40, 90) }),
    ]);
  }

  /**
   * Clicks `count` times in quick succession around one spot. Gaps are short in real time because the
   * session is stretched afterwards: ~75 ms per click here reads as ~0.4 s, still a rage click.
   */
  async rapidClicks(selector: string, count: number): Promise<void> {
    const point = await this.moveTo(selector);
    for (let i = 0; i < count; i++) {
      const x = point.x + this.random.int(-4, 4);
      const y = point.y + this.random.int(-3, 3);
      await this.page.mouse.click(x, y, { delay: this.random.int(10, 20) });
      await this.idle([15, 40]);
    }
  }

  /** Clicks into a field and types `text`, now and then hitting a wrong key and fixing it. */
  async type(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.typeChars(text, this.persona.typoRate);
  }

  /** Selects everything in a field, deletes it and types `text` again, carefully this time. */
  async retype(selector: string, text: string): Promise<void> {
    await this.click(selector);
    await this.page.keyboard.down('Control');
    await this.page.keyboard.press('KeyA');
    await this.page.keyboard.up('Control');
    await this.page.keyboard.press('Backspace');
    await this.idle(this.persona.hesitationMs);
    await this.typeChars(text, 0);
  }

  private async typeChars(text: string, typoRate: number): Promise<void> {
    for (const char of text) {
      if (/[a-z]/i.test(char) && this.random.chance(typoRate)) {
        await this.page.keyboard.type(this.random.pick([...LETTERS.replace(char.toLowerCase(), '')]));
        await this.idle(this.keyDelay() * 3);
        await this.page.keyboard.press('Backspace');
      }
      await this.idle(this.keyDelay());
      await this.page.keyboard.type(char);
    }
  }

  private keyDelay(): number {
    return this.persona.typingDelayMs * this.random.between(0.6, 1.5);
  }

  // No pause between steps: each move already waits for a rendered frame (~17 ms in headless Chromium).
  private async moveAlong(target: Point): Promise<void> {
    for (const point of mousePath(this.position, target, this.persona.mouseStepPx, this.random)) {
      await this.page.mouse.move(point.x, point.y);
    }
    this.position = target;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
