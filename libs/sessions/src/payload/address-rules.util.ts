import { BlockList, isIP } from 'node:net';

type Family = 'ipv4' | 'ipv6';

// Kinds of address a payload download must not reach unless the policy allows private addresses.
const RANGES: ReadonlyArray<readonly [kind: string, family: Family, network: string, prefix: number]> = [
  ['unspecified', 'ipv4', '0.0.0.0', 8],
  ['loopback', 'ipv4', '127.0.0.0', 8],
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['link-local', 'ipv4', '169.254.0.0', 16],
  ['CGNAT', 'ipv4', '100.64.0.0', 10],
  ['IETF protocol', 'ipv4', '192.0.0.0', 24],
  ['benchmarking', 'ipv4', '198.18.0.0', 15],
  ['multicast', 'ipv4', '224.0.0.0', 4],
  ['reserved', 'ipv4', '240.0.0.0', 4],
  ['unspecified', 'ipv6', '::', 128],
  ['loopback', 'ipv6', '::1', 128],
  ['private', 'ipv6', 'fc00::', 7],
  ['link-local', 'ipv6', 'fe80::', 10],
  ['site-local', 'ipv6', 'fec0::', 10],
  ['multicast', 'ipv6', 'ff00::', 8],
];

// Node's BlockList matches IPv4-mapped IPv6 addresses against IPv4 rules; the explicit mapped rules keep
// that true whatever the Node version does.
const BLOCKS = RANGES.map(([kind, family, network, prefix]) => {
  const block = new BlockList();
  block.addSubnet(network, prefix, family);
  if (family === 'ipv4') block.addSubnet(`::ffff:${network}`, 96 + prefix, 'ipv6');
  return { kind, block };
});

/**
 * The kind of non-public address `address` is (`loopback`, `private`, `link-local`, `CGNAT`, ...), or
 * `undefined` for a public unicast address. Anything that is not an IP address counts as `invalid`.
 */
export function nonPublicAddressKind(address: string): string | undefined {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  const version = isIP(bare);
  if (version === 0) return 'invalid';
  const family: Family = version === 4 ? 'ipv4' : 'ipv6';
  return BLOCKS.find(({ block }) => block.check(bare, family))?.kind;
}
