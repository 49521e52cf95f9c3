import type { Random } from './random.util';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Points along a gently curved path from `from` to `to` (a quadratic Bézier with a random bend), the
 * way a hand moves a mouse rather than a straight teleport. Excludes `from`, ends exactly at `to`.
 */
export function mousePath(from: Point, to: Point, stepPx: number, random: Random): Point[] {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(4, Math.min(12, Math.round(distance / stepPx)));
  const bend = random.between(-0.25, 0.25) * distance;
  // The control point sits off the straight line, perpendicular to it, by `bend` pixels.
  const nx = distance === 0 ? 0 : -(to.y - from.y) / distance;
  const ny = distance === 0 ? 0 : (to.x - from.x) / distance;
  const control = { x: (from.x + to.x) / 2 + nx * bend, y: (from.y + to.y) / 2 + ny * bend };
  return Array.from({ length: steps }, (_, i) => {
    const t = easeInOut((i + 1) / steps);
    const u = 1 - t;
    return {
      x: u * u * from.x + 2 * u * t * control.x + t * t * to.x,
      y: u * u * from.y + 2 * u * t * control.y + t * t * to.y,
    };
  });
}

function easeInOut(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}
