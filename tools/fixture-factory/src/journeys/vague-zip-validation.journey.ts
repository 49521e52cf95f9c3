import { shopIntoCheckout } from './browse.steps';
import {
  chooseShipping,
  clickShippingContinue,
  fillAddress,
  pay,
  submitAddress,
  waitForPaymentStep,
} from './checkout.steps';
import type { Journey } from './journey.types';
import { shopperDetails } from './shopper-details.util';

/** The shop rejects the first 3 submits, so a shopper has to submit 4 times to get through. */
const SUBMITS_THE_SHOP_NEEDS = 4;

/**
 * The address form keeps answering "Something went wrong". The shopper rereads, retypes the zip (and
 * sometimes the street) and submits again; one who gives up leaves after a few tries, the others get
 * through on the 4th and complete the purchase.
 */
export const vagueZipValidationJourney: Journey = async (context) => {
  const { human, plan, random } = context;
  const details = shopperDetails(random);
  await shopIntoCheckout(context);
  await fillAddress(context, details);
  const attempts = plan.givesUp ? Math.min(1 + plan.persona.patience, SUBMITS_THE_SHOP_NEEDS - 1) : 8;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if ((await submitAddress(context)) === 'accepted') {
      await chooseShipping(context);
      await clickShippingContinue(context);
      await waitForPaymentStep(context);
      await pay(context, details);
      return;
    }
    if (attempt === attempts) break;
    await human.read();
    // Guessing what is wrong: the zip (ZIP+4, then plain again), then the street spelled out.
    const zip = attempt % 2 === 1 ? `${details.zip}-${random.int(1000, 9999)}` : details.zip;
    await human.retype('#zip', zip);
    if (attempt === 2) await human.retype('#street', expandStreet(details.street));
  }
  await human.idle([900, 1600]);
};

function expandStreet(street: string): string {
  return street
    .replace(/\bSt$/, 'Street')
    .replace(/\bAve$/, 'Avenue')
    .replace(/\bDr$/, 'Drive');
}
