import { startCheckout } from './checkout.steps';
import type { JourneyContext } from './journey.types';

const PRODUCT_IDS = [1, 2, 3, 4, 5, 6] as const;
const PRODUCT_CARD = 'a.product-card';

/** Opens the catalogue as the first page of the session. */
export async function openShop({ page, human, url }: JourneyContext): Promise<void> {
  await page.goto(url('/'), { waitUntil: 'load' });
  await human.read();
}

/** Opens a product from the cards on the current page (catalogue or search results). */
export async function openProduct({ human }: JourneyContext, productId: number): Promise<void> {
  await human.clickToNavigate(`${PRODUCT_CARD}[data-product-id="${productId}"]`);
  await human.read();
}

/** A product id other than `except`. */
export function pickProduct({ random }: JourneyContext, except?: number): number {
  return random.pick(PRODUCT_IDS.filter((id) => id !== except));
}

/**
 * How the persona gets from the catalogue to a product page: straight there, after scrolling and
 * reading, via search, or via the account page first. Returns the product now shown.
 */
export async function browseToProduct(context: JourneyContext): Promise<number> {
  const { human, plan } = context;
  const productId = pickProduct(context);
  switch (plan.persona.name) {
    case 'impatient-shopper':
      break;
    case 'careful-shopper':
      await human.scrollBy(context.random.int(250, 500));
      await human.read();
      await human.scrollBy(-600);
      break;
    case 'browser': {
      await human.scrollBy(400);
      await openProduct(context, pickProduct(context, productId));
      await human.clickToNavigate('#back-to-catalogue');
      await human.read();
      if (await searchFromCatalogue(context)) return openFirstResult(context);
      await human.clickToNavigate('#nav-home');
      break;
    }
    case 'returning-customer':
      await updateAccount(context);
      break;
  }
  await openProduct(context, productId);
  if (plan.persona.name !== 'impatient-shopper') await chooseVariant(context);
  return productId;
}

/** Picks a size/colour in the variant select, when the product has a choice. */
export async function chooseVariant({ page, human, random }: JourneyContext): Promise<void> {
  const values = await page.$$eval('#variant option', (options) =>
    options.map((o) => o.getAttribute('value')),
  );
  const choices = values.filter((value): value is string => value !== null);
  if (choices.length < 2) return;
  await human.moveTo('#variant');
  await human.idle([300, 700]);
  await page.select('#variant', random.pick(choices));
}

/** Clicks "Add to cart" and waits for the confirmation the shop shows after a successful add. */
export async function addToCart({ page, human }: JourneyContext): Promise<void> {
  await human.click('#add-to-cart');
  await page.waitForSelector('#added-notice', { visible: true, timeout: 3_000 });
  await human.read();
}

/** Goes to the cart through the navigation bar. */
export async function goToCart({ human }: JourneyContext): Promise<void> {
  await human.clickToNavigate('#nav-cart');
  await human.read();
}

// Searches for a word from one of the product cards; false when the catalogue shows none.
async function searchFromCatalogue(context: JourneyContext): Promise<boolean> {
  const { page, human, random } = context;
  const titles = await page.$$eval(PRODUCT_CARD, (cards) => cards.map((card) => card.textContent ?? ''));
  const words = titles.join(' ').match(/[A-Za-z]{4,}/g) ?? [];
  if (words.length === 0) return false;
  await human.type('#search-input', random.pick(words).toLowerCase());
  await human.clickToNavigate('#search-button');
  await human.read();
  return (await page.$(PRODUCT_CARD)) !== null;
}

async function openFirstResult({ page, human }: JourneyContext): Promise<number> {
  const id = await page.$eval(PRODUCT_CARD, (card) => card.getAttribute('data-product-id'));
  await human.clickToNavigate(PRODUCT_CARD);
  await human.read();
  return Number(id);
}

async function updateAccount({ page, human, random }: JourneyContext): Promise<void> {
  await human.clickToNavigate('#nav-account');
  await human.read();
  await human.retype('#account-name', random.pick(['Mira Stein', 'Paul Kern', 'Lea Voss']));
  await human.click('#save-account');
  await page.waitForSelector('#account-saved', { visible: true, timeout: 3_000 });
  await human.read();
  await human.clickToNavigate('#nav-home');
  await human.read();
}

/** The common way into checkout: shop, one product, add it, cart, "Proceed to checkout". */
export async function shopIntoCheckout(context: JourneyContext): Promise<void> {
  await openShop(context);
  await browseToProduct(context);
  await addToCart(context);
  await goToCart(context);
  await startCheckout(context);
}
