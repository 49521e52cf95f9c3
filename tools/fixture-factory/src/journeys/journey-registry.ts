import type { JourneyScript } from '../recorder/journey-mix.constants';
import { confusingShippingHelpJourney } from './confusing-shipping-help.journey';
import { deadAddToCartJourney } from './dead-add-to-cart.journey';
import { happyPathJourney } from './happy-path.journey';
import type { Journey } from './journey.types';
import { slowShippingStepJourney } from './slow-shipping-step.journey';
import { vagueZipValidationJourney } from './vague-zip-validation.journey';

/** The journey that plays each script of the batch mix. */
export const JOURNEYS: Readonly<Record<JourneyScript, Journey>> = {
  'happy-path': happyPathJourney,
  'dead-add-to-cart': deadAddToCartJourney,
  'vague-zip-validation': vagueZipValidationJourney,
  'slow-shipping-step': slowShippingStepJourney,
  'confusing-shipping-help': confusingShippingHelpJourney,
};
