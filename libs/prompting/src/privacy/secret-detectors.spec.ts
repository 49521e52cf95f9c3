import { maskOnce } from './pii-test.test-util';
import { looksLikeSecret } from './secret-entropy.util';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('tokens', () => {
  it.each([
    ['a JWT', JWT],
    ['an unsigned JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.'],
    ['an OpenAI key', 'sk-Qa8fT3xLm2Vz9KpR7nYc4WbE6HjD1sUo0GiX5tAq'],
    ['an OpenAI project key', 'sk-proj-AbC123dEf456GhI789jKl012MnO345_pQr-678'],
    ['a Stripe secret key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['a Stripe publishable key', 'pk_live_51H8xYzAbCdEfGhIjKlMnOpQr'],
    ['a GitHub token', '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'],
    [
      'a fine-grained GitHub token',
      'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP',
    ],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a Slack token', 'xoxb-263594206564-FGqddMF8t7u8zB1mnIz1J5Q'],
    ['a Google API key', 'AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
    ['32 random hex', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a SHA-256', 'cd8a182315defa70d995452d9258908ef502da512f52c20eeaa7951d0bb96e75'],
    ['43 random base64url', '8jVz0YZ2YPtP7eL1I5l5RQIp-WcuFeD3pZO8c0YDMx4'],
    ['base64 with padding', 'Zm9vYmFyMTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A9PQ=='],
  ])('masks %s', (_, token) => {
    expect(maskOnce(`key: "${token}"`)).toEqual({ text: 'key: "‹token›"', counts: { token: 1 } });
  });

  it('keeps the Bearer scheme and masks the credential', () => {
    expect(maskOnce('Authorization: Bearer abc123def456ghi789')).toEqual({
      text: 'Authorization: Bearer ‹token›',
      counts: { token: 1 },
    });
    expect(maskOnce(`authorization: bearer ${JWT}`).text).toBe('authorization: bearer ‹token›');
  });

  it.each([
    ['a UUID', '6c1f8e0a-1b2c-4d5e-9f00-112233445566'],
    ['a prefixed UUID', 'session_6c1f8e0a-1b2c-4d5e-9f00-112233445566'],
    ['two UUIDs joined', '6c1f8e0a-1b2c-4d5e-9f00-112233445566_0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b'],
    ['an Emotion class', 'css-1wnowod-MuiButtonBase-root-MuiButton-root-MuiButton-text'],
    ['a BEM class', 'navigation-menu__item--highlighted-with-icon-2x'],
    ['a camelCase identifier', 'handleUserAuthenticationCallback2'],
    ['a lower-case word run', 'supercalifragilisticexpialidocious1'],
    ['a hash in a file name', 'KaTeX_AMS-Regular-38a68f7d18d292349a6e802a66136eae.woff2'],
    ['a hash in a chunk name', 'static/js/main.8f3a2b1c9d0e4f5a6b7c8d9e0f1a2b3c.chunk.js'],
    [
      'a data URI',
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    ],
    ['a URL path', 'https://posthog.com/docs/integrate/client/js-snippet-installation-guide'],
    ['a short id', 'V1StGXR8_Z5jdHi6B-myT'],
    ['a 31-character random run', 'Qa8fT3xLm2Vz9KpR7nYc4WbE6HjD1sU'],
    ['a long decimal number', '12345678901234567890123456789012'],
    ['one hex digit repeated', '00000000000000000000000000000000'],
    ['Bearer in prose', 'the Bearer of bad news'],
    ['a sk- class name', 'sk-fading-circle-container-wrapper'],
    ['an eyJ word', 'eyJust kidding'],
  ])('leaves %s alone', (_, text) => {
    expect(maskOnce(text)).toEqual({ text, counts: {} });
  });

  it('judges runs by entropy, case mix and how word-like they are', () => {
    expect(looksLikeSecret('Xy7GdkLmN3pQr5StUv8WxYz0AbCdEf12Gh')).toBe(true);
    expect(looksLikeSecret('xy7gdklmn3pqr5stuv8wxyz0abcdef12gh')).toBe(false);
    expect(looksLikeSecret('MuiTypography-root-MuiTypography-body1-css')).toBe(false);
  });
});
