import type { PosthogEvent } from '@sift/contracts';
import { encounteredProblems } from './session-problems.util';

function event(name: string, properties: PosthogEvent['properties'] = {}): PosthogEvent {
  return {
    uuid: `e-${name}`,
    event: name,
    timestamp: '2026-03-02T09:00:00.000Z',
    distinct_id: 'u',
    properties,
  };
}

const click = (id: string) =>
  event('$autocapture', {
    $event_type: 'click',
    $elements_chain: `button.btn:attr__id="${id}"nth-child="1"nth-of-type="1";div;body`,
  });

describe('encounteredProblems', () => {
  it('keeps only switched-on problems the shopper actually reached', () => {
    const browsedOnly = [event('$pageview', { $pathname: '/product.html' })];
    expect(encounteredProblems(['dead-add-to-cart'], browsedOnly)).toEqual([]);
    expect(encounteredProblems(['dead-add-to-cart'], [...browsedOnly, click('add-to-cart')])).toEqual([
      'dead-add-to-cart',
    ]);
    expect(encounteredProblems([], [click('add-to-cart')])).toEqual([]);
  });

  it('recognises each problem from the events the shop sends', () => {
    const events = [
      click('address-continue'),
      event('shipping_selected', { method: 'standard' }),
      event('$pageview', { $pathname: '/help.html' }),
      event('$exception', {
        $exception_list: [{ type: 'ReferenceError', value: 'analyticsTracker is not defined' }],
      }),
    ];
    expect(
      encounteredProblems(
        ['vague-zip-validation', 'slow-shipping-step', 'confusing-shipping-help', 'noisy-analytics-error'],
        events,
      ),
    ).toEqual([
      'vague-zip-validation',
      'slow-shipping-step',
      'confusing-shipping-help',
      'noisy-analytics-error',
    ]);
  });

  it('counts the dead button from its TypeError alone', () => {
    const error = event('$exception', {
      $exception_type: 'TypeError',
      $exception_message: "Cannot read properties of undefined (reading 'sku')",
    });
    expect(encounteredProblems(['dead-add-to-cart'], [error])).toEqual(['dead-add-to-cart']);
  });
});
