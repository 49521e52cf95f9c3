import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PiiCounts } from './pii-kind.types';
import { PiiMasker } from './pii.masker';

/** Real public rrweb recordings beside the checkout (see ../shared/recordings/SOURCES.md). */
const RECORDINGS = resolve(__dirname, '../../../../../shared/recordings');
/**
 * A simple, independent idea of an e-mail address: what must not survive masking. The lookbehind changes
 * no match (a match always starts where its run does) but keeps long base64 runs from taking seconds.
 */
const REFERENCE_EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/**
 * What the masker finds in each file's raw text. Pinned so that a detector change shows up here as a
 * reviewed difference. The tokens are real keys in docs snippets (a PostHog project key, a Django
 * `SECRET_KEY`) and content hashes in asset URLs (`/static/<md5>/…`, `?v=<md5>`), which cost nothing to
 * lose; the url-secrets are `password=` in form GET URLs.
 */
const EXPECTED: Record<string, PiiCounts> = {
  'docs.json': { email: 37, token: 88 },
  'hogflix_session_recording.json': { 'url-secret': 1, token: 4 },
  'homepage.json': { email: 7, token: 91 },
  'local-docs.json': { email: 9, token: 10 },
  'mobile-homepage.json': { email: 26, token: 49 },
  'rrweb-demoit-events.js': {},
  'wide-layout.json': { 'url-secret': 8, email: 10, token: 6 },
  'with-pageviews.json': { email: 29, token: 20 },
};

const files = readdirSync(RECORDINGS)
  .filter((file) => /\.(json|js)$/.test(file))
  .sort();

describe('masking the real recordings', () => {
  it('reads every recording listed', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s: no e-mail address survives, counts as pinned, a second pass is a no-op', (file) => {
    const text = readFileSync(join(RECORDINGS, file), 'utf8');
    const masker = new PiiMasker();
    const masked = masker.mask(text);
    const referenceHits = text.match(REFERENCE_EMAIL) ?? [];

    expect(masked.match(REFERENCE_EMAIL) ?? []).toEqual([]);
    for (const address of new Set(referenceHits)) expect(masked).not.toContain(address);
    expect(masker.counts().email ?? 0).toBeGreaterThanOrEqual(referenceHits.length);
    expect(masker.counts()).toEqual(EXPECTED[file]);

    expect(masker.mask(masked)).toBe(masked);
    expect(masker.counts()).toEqual(EXPECTED[file]);
  });

  it('finds the demo addresses the recordings are known to hold', () => {
    const all = files.map((file) => readFileSync(join(RECORDINGS, file), 'utf8')).join('\n');
    expect(all.match(REFERENCE_EMAIL)).toEqual(
      expect.arrayContaining(['hey@posthog.com', 'john@gmail.com', 'deborah.fernandez@gmail.com']),
    );
  });
});
