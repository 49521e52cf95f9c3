import { addToCart, browseToProduct, goToCart, openShop, pickProduct, openProduct } from './browse.steps';
import { completeCheckout, startCheckout } from './checkout.steps';
import type { Journey } from './journey.types';
import { shopperDetails } from './shopper-details.util';

/** Finds a product, buys it (careful shoppers sometimes add a second one) and sees the confirmation. */
export const happyPathJourney: Journey = async (context) => {
  const { human, plan } = context;
  await openShop(context);
  const first = await browseToProduct(context);
  await addToCart(context);
  if (plan.persona.name === 'careful-shopper' && context.random.chance(0.5)) {
    await human.clickToNavigate('#back-to-catalogue');
    await human.read();
    await openProduct(context, pickProduct(context, first));
    await addToCart(context);
  }
  await goToCart(context);
  await startCheckout(context);
  await completeCheckout(context, shopperDetails(context.random));
};
