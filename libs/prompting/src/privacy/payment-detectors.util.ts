import { passesIbanMod97, passesLuhn } from './checksums.util';
import { isOneDigitRepeated, startNotAfter } from './detector-boundary.util';
import { PiiDetector } from './pii-detector.types';

/**
 * Issuers' first digits: 2221-2720 (Mastercard), 3 (Amex, Diners, JCB), 4 (Visa), 5 (Mastercard, Maestro),
 * 6 (Discover, UnionPay, Maestro). Millisecond timestamps (`1611914066510`) start with 1, so Luhn's one in
 * ten never turns them into cards.
 */
const ISSUER_PREFIX = /^(?:2[2-7]|[3-6])/;

/**
 * 13-19 digits, whole or in groups split by one kind of separator (`4111 1111 1111 1111`,
 * `3782-822463-10005`), with an issuer prefix and a valid Luhn check digit. Digits after `.`, `-` or `/`
 * (decimals, ids, paths) are not cards.
 */
export const CARD_DETECTOR: PiiDetector = {
  kind: 'card',
  pattern: new RegExp(
    String.raw`${startNotAfter('\\w.\\-+/')}(?:\d{13,19}|\d{4}([ \-])\d{3,6}(?:\1\d{3,6}){1,3})(?!\w|[.,]\d)`,
    'g',
  ),
  accepts: (value) => {
    const digits = value.replace(/\D/g, '');
    return (
      digits.length >= 13 &&
      digits.length <= 19 &&
      ISSUER_PREFIX.test(digits) &&
      !isOneDigitRepeated(digits) &&
      passesLuhn(digits)
    );
  },
};

/** Countries that issue IBANs (SWIFT's IBAN registry). */
const IBAN_COUNTRIES = new Set(
  (
    'AD AE AL AT AZ BA BE BG BH BI BR BY CH CR CY CZ DE DJ DK DO EE EG ES FI FK FO FR GB GE GI GL GR GT HR ' +
    'HU IE IL IQ IS IT JO KW KZ LB LC LI LT LU LV LY MC MD ME MK MN MR MT MU NI NL NO OM PK PL PS PT QA RO ' +
    'RS RU SA SC SD SE SI SK SM SO ST SV TL TN TR UA VA VG XK YE'
  ).split(' '),
);

/**
 * An IBAN in its electronic (`DE89370400440532013000`) or printed form (`DE89 3704 0044 0532 0130 00`):
 * a known country, 15-34 characters and a valid mod-97 check.
 */
export const IBAN_DETECTOR: PiiDetector = {
  kind: 'iban',
  pattern: new RegExp(
    String.raw`${startNotAfter('A-Za-z0-9_')}[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])`,
    'g',
  ),
  accepts: (value) => {
    const iban = value.replace(/ /g, '');
    return (
      iban.length >= 15 && iban.length <= 34 && IBAN_COUNTRIES.has(iban.slice(0, 2)) && passesIbanMod97(iban)
    );
  },
};
