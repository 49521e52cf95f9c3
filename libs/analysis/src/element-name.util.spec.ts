import type { PosthogEvent } from '@sift/contracts';
import { nameElement, targetOfEvent } from './element-name.util';
import { parseElementsChain } from './elements-chain.util';

const name = (chain: string) => nameElement(parseElementsChain(chain));

describe('nameElement', () => {
  it.each([
    ['button.btn:attr__id="pay"nth-child="1"text="Pay now"', 'button "Pay now"'],
    ['button.btn:attr__id="pay"nth-child="1"', 'button#pay'],
    ['a.nav-link.active:href="/pricing"nth-child="1"', 'a.nav-link'],
    ['a:href="/pricing"nth-child="1"', 'a[href="/pricing"]'],
    ['div:nth-child="1"', 'div'],
    ['button:attr__aria-label="Close dialog"nth-child="1"', 'button "Close dialog"'],
  ])('names %s as %s', (chain, expected) => {
    expect(name(chain)).toBe(expected);
  });

  it('names the button around a clicked icon or span', () => {
    expect(name('svg.icon:nth-child="1";button:attr__id="cart"nth-child="2";div')).toBe('button#cart');
    expect(name('span:text="Add to cart";button.btn:nth-child="2";div')).toBe('button "Add to cart"');
  });

  it('collapses whitespace and truncates long labels', () => {
    const long = 'word '.repeat(20);
    expect(name(`button:text="  Pay\n  now "`)).toBe('button "Pay now"');
    expect(name(`p:text="${long}"`)).toMatch(/^p ".{39}…"$/);
  });

  it('returns undefined for an empty chain', () => {
    expect(nameElement([])).toBeUndefined();
  });
});

describe('targetOfEvent', () => {
  const base: PosthogEvent = {
    uuid: 'e1',
    event: '$autocapture',
    timestamp: '2024-06-01T10:00:00.000Z',
    distinct_id: 'u',
    properties: { $event_type: 'click' },
  };

  it('prefers $elements_chain, then the top-level elements_chain, then elements', () => {
    const chain = 'button:text="Pay now"nth-child="1"';
    expect(targetOfEvent({ ...base, properties: { ...base.properties, $elements_chain: chain } })).toEqual({
      name: 'button "Pay now"',
      key: chain,
    });
    expect(targetOfEvent({ ...base, elements_chain: 'a.nav-link:nth-child="1"' })?.name).toBe('a.nav-link');
    expect(
      targetOfEvent({ ...base, elements: [{ tag_name: 'button', attr_class: ['btn'], attr_id: 'buy' }] }),
    ).toEqual({ name: 'button#buy', key: 'button#buy' });
  });

  it('returns undefined when the event names no element', () => {
    expect(targetOfEvent(base)).toBeUndefined();
  });
});
