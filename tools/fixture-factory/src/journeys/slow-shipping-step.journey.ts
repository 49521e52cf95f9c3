import { shopIntoCheckout } from './browse.steps';
import {
  chooseShipping,
  clickShippingContinue,
  passAddressStep,
  pay,
  waitForPaymentStep,
} from './checkout.steps';
import type { Journey, JourneyContext } from './journey.types';
import { shopperDetails } from './shopper-details.util';

/**
 * "Continue" on the shipping step spins for seconds. Shoppers click it again; one who gives up goes back
 * to the cart and leaves, the others wait it out and pay.
 */
export const slowShippingStepJourney: Journey = async (context) => {
  const { human, plan, random, page } = context;
  const details = shopperDetails(random);
  await shopIntoCheckout(context);
  await passAddressStep(context, details);
  await chooseShipping(context);
  await clickShippingContinue(context);
  await human.idle([700, 1200]);
  await clickAgain(context);
  if (plan.givesUp) {
    await human.idle([1000, 2000]);
    await page.goBack({ waitUntil: 'load' });
    await human.read();
    await human.idle([500, 1000]);
    return;
  }
  await human.read();
  await waitForPaymentStep(context);
  await pay(context, details);
};

// Impatient shoppers hammer the button; the others click once more, then wait.
async function clickAgain({ human, plan, random }: JourneyContext): Promise<void> {
  const button = '#shipping-continue';
  if (plan.persona.name === 'impatient-shopper') await human.rapidClicks(button, random.int(3, 4));
  else await human.click(button);
}
