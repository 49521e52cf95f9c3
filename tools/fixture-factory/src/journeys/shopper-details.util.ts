import type { Random } from '../recorder/random.util';

/** What a shopper types at checkout. */
export interface ShopperDetails {
  readonly name: string;
  readonly email: string;
  readonly street: string;
  readonly city: string;
  readonly zip: string;
  readonly cardNumber: string;
  readonly cardExpiry: string;
  readonly cardCvc: string;
}

const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Emma', 'Felix', 'Grace', 'Hugo', 'Iris', 'Jonas'];
const LAST = ['Baker', 'Fisher', 'Hansen', 'Kim', 'Lopez', 'Miller', 'Novak', 'Reed', 'Walker'];
const STREETS = ['SE Oak St', 'NW Pine Ave', 'Maple Dr', 'Hawthorne Blvd', 'Cedar Ln', 'Lakeview Rd'];
const CITIES = ['Portland', 'Seattle', 'Boise', 'Eugene', 'Spokane', 'Bend'];

/** Made-up but plausible checkout details. */
export function shopperDetails(random: Random): ShopperDetails {
  const first = random.pick(FIRST);
  const last = random.pick(LAST);
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}${random.int(1, 99)}@example.com`.toLowerCase(),
    street: `${random.int(10, 4999)} ${random.pick(STREETS)}`,
    city: random.pick(CITIES),
    zip: String(random.int(97_000, 99_499)),
    cardNumber: '4242 4242 4242 4242',
    cardExpiry: `${String(random.int(1, 12)).padStart(2, '0')}/${random.int(27, 31)}`,
    cardCvc: String(random.int(100, 999)),
  };
}
