import { PiiCounts } from './pii-kind.types';
import { PiiMasker } from './pii.masker';

/** What a fresh masker makes of `text`, and what it counted. */
export function maskOnce(text: string): { text: string; counts: PiiCounts } {
  const masker = new PiiMasker();
  return { text: masker.mask(text), counts: masker.counts() };
}
