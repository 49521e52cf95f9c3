import { shopIntoCheckout } from './browse.steps';
import {
  chooseShipping,
  clickShippingContinue,
  passAddressStep,
  pay,
  waitForPaymentStep,
} from './checkout.steps';
import type { Journey } from './journey.types';
import { shopperDetails } from './shopper-details.util';

/**
 * Unsure about shipping, the shopper opens the help, which sends them between the help page and the
 * shipping-info page 2–3 times. Then they idle, and either return to checkout and pay, or leave.
 */
export const confusingShippingHelpJourney: Journey = async (context) => {
  const { human, plan, random, page } = context;
  const details = shopperDetails(random);
  await shopIntoCheckout(context);
  await passAddressStep(context, details);
  await human.read();
  await human.clickToNavigate('#shipping-help');
  await human.read();
  const bounces = random.int(2, 3);
  for (let bounce = 0; bounce < bounces; bounce++) {
    await human.clickToNavigate('#help-shipping-link');
    await human.read();
    await human.clickToNavigate('#shipping-info-help-link');
    await human.read();
  }
  await human.idle([1200, 2200]);
  if (plan.givesUp) return;
  await human.clickToNavigate('#back-to-checkout');
  await page.waitForSelector('#shipping-form', { visible: true });
  await chooseShipping(context);
  await clickShippingContinue(context);
  await waitForPaymentStep(context);
  await pay(context, details);
};
