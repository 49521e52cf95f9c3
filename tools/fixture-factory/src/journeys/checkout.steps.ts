import type { JourneyContext } from './journey.types';
import type { ShopperDetails } from './shopper-details.util';

const STEP_TIMEOUT_MS = 12_000;

/** From the cart page to the checkout's address step. */
export async function startCheckout({ page, human }: JourneyContext): Promise<void> {
  await human.clickToNavigate('#checkout-button');
  await page.waitForSelector('#address-form', { visible: true });
  await human.read();
}

/** Types the address into the empty address form. */
export async function fillAddress({ human }: JourneyContext, details: ShopperDetails): Promise<void> {
  await human.type('#name', details.name);
  await human.type('#email', details.email);
  await human.type('#street', details.street);
  await human.type('#city', details.city);
  await human.type('#zip', details.zip);
}

/** Submits the address form: `accepted` once the shipping step shows, `rejected` when the error does. */
export async function submitAddress({ page, human }: JourneyContext): Promise<'accepted' | 'rejected'> {
  await human.click('#address-continue');
  await human.idle(250);
  // The error may still show from an earlier attempt, so the shipping step is checked first.
  const outcome = await page.waitForFunction(
    `(() => {
      const shown = (id) => { const el = document.getElementById(id); return !!el && el.checkVisibility(); };
      return shown('shipping-form') ? 'accepted' : shown('address-error') ? 'rejected' : false;
    })()`,
    { timeout: STEP_TIMEOUT_MS, polling: 50 },
  );
  const result = await outcome.jsonValue();
  await outcome.dispose();
  return result === 'accepted' ? 'accepted' : 'rejected';
}

/** Picks a shipping option on step 2. */
export async function chooseShipping({ human, random }: JourneyContext): Promise<void> {
  await human.read();
  await human.click(`input[name=shipping][value=${random.chance(0.3) ? 'express' : 'standard'}]`);
}

/** Clicks "Continue" on step 2, without waiting for step 3. */
export async function clickShippingContinue({ human }: JourneyContext): Promise<void> {
  await human.click('#shipping-continue');
}

/** Waits until the payment step shows. */
export async function waitForPaymentStep({ page }: JourneyContext): Promise<void> {
  await page.waitForSelector('#payment-form', { visible: true, timeout: STEP_TIMEOUT_MS });
}

/** Types the card and pays; ends on the order confirmation. */
export async function pay(context: JourneyContext, details: ShopperDetails): Promise<void> {
  const { page, human } = context;
  await human.read();
  await human.type('#card-number', details.cardNumber);
  await human.type('#card-expiry', details.cardExpiry);
  await human.type('#card-cvc', details.cardCvc);
  await human.clickToNavigate('#pay-button');
  await page.waitForSelector('#order-confirmation', { visible: true });
  await human.read();
}

/** Fills and submits the address form, which must accept it (no address problem in this session). */
export async function passAddressStep(context: JourneyContext, details: ShopperDetails): Promise<void> {
  await fillAddress(context, details);
  if ((await submitAddress(context)) === 'rejected') throw new Error('the address form rejected the address');
}

/** Address, shipping and payment without trouble: the rest of a purchase from the address step on. */
export async function completeCheckout(context: JourneyContext, details: ShopperDetails): Promise<void> {
  await passAddressStep(context, details);
  await chooseShipping(context);
  await clickShippingContinue(context);
  await waitForPaymentStep(context);
  await pay(context, details);
}
