import { browseToProduct, openProduct, openShop, pickProduct } from './browse.steps';
import type { Journey, JourneyContext } from './journey.types';

/**
 * "Add to cart" does nothing: the shopper clicks, clicks again, rage-clicks. Impatient shoppers leave
 * there; the others try another product (same result), look into the empty cart and leave.
 */
export const deadAddToCartJourney: Journey = async (context) => {
  const { human, plan } = context;
  await openShop(context);
  const first = await browseToProduct(context);
  await tryToAdd(context, context.random.int(3, 5));
  if (plan.persona.patience < 2) {
    await human.idle([600, 1200]);
    return;
  }
  await human.clickToNavigate('#back-to-catalogue');
  await human.read();
  await openProduct(context, pickProduct(context, first));
  await tryToAdd(context, plan.persona.patience >= 3 ? 3 : 0);
  await human.clickToNavigate('#nav-cart');
  await human.read();
  await human.idle([800, 1500]);
};

// One deliberate click, a wait for the "added" notice that never comes, another click, then a burst.
async function tryToAdd({ human }: JourneyContext, burst: number): Promise<void> {
  await human.click('#add-to-cart');
  await human.idle([500, 900]);
  await human.click('#add-to-cart');
  await human.idle([300, 600]);
  if (burst > 0) await human.rapidClicks('#add-to-cart', burst);
  await human.idle([400, 800]);
}
