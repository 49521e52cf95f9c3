import { canonicalJson, canonicalSha256, deterministicUuid } from './canonical-hash.util';

describe('canonical hashing', () => {
  it('serializes objects with sorted keys at every level and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, null, 'é'])).toBe('[null,null,"é"]');
  });

  it('hashes the same data the same way whatever the key order, also past the flush size', () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({ i, text: `item ${i}`, nested: { b: i, a: -i } }));
    const reordered = big.map(({ nested, text, i }) => ({ nested: { a: nested.a, b: nested.b }, text, i }));
    expect(canonicalSha256(reordered)).toBe(canonicalSha256(big));
    expect(canonicalSha256(big)).toMatch(/^[a-f0-9]{64}$/);
    expect(canonicalSha256([...big, 1])).not.toBe(canonicalSha256(big));
  });

  it('derives UUID-shaped ids deterministically', () => {
    const id = deterministicUuid('s1:1000:0:$pageview');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid('s1:1000:0:$pageview')).toBe(id);
    expect(deterministicUuid('s1:1000:1:$pageview')).not.toBe(id);
  });
});
