import { describeFixtureSet } from '../fixtures/fixture-set.test-util';
import { posthogEventFixtures } from '../fixtures/posthog-event.fixtures';
import { posthogEventSchema } from './posthog-event.schema';

describeFixtureSet('PostHog event', posthogEventSchema, posthogEventFixtures);

describe('posthogEventSchema', () => {
  it('keeps unknown properties and top-level keys (user data)', () => {
    const [pageview, payClick] = posthogEventFixtures.valid;
    expect(posthogEventSchema.parse(pageview).properties['$browser']).toBe('Chrome');
    expect(posthogEventSchema.parse(payClick)['elements_chain']).toBe(
      'button.btn.btn-primary:text="Pay now"',
    );
  });

  it('types the properties Sift reads', () => {
    const event = posthogEventSchema.parse(posthogEventFixtures.valid[2]);
    const first = event.properties.$exception_list?.[0];
    expect(first?.mechanism?.handled).toBe(false);
  });
});
