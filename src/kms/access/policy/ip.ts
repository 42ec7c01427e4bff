/** IPv4 / IPv6 addresses and CIDR blocks as IpAddress / NotIpAddress compare them. */

interface Parsed { bits: bigint; width: 32 | 128 }

function parseIpv4(text: string): Parsed | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return { bits: parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n), width: 32 };
}

function parseIpv6(text: string): Parsed | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? head.length !== 8 : fill < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { bits: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), width: 128 };
}

export function parseIp(text: string): Parsed | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** A CIDR block (`203.0.113.0/24`) or a single address; undefined when not valid. */
export function parseCidr(text: string): { network: bigint; prefix: number; width: 32 | 128 } | undefined {
  const [address, prefixText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const ip = parseIp(address);
  if (!ip) return undefined;
  const prefix = prefixText === undefined ? ip.width : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= ip.width)) return undefined;
  return { network: ip.bits >> BigInt(ip.width - prefix), prefix, width: ip.width };
}

/** true / false, or undefined when either side is not an address. */
export function cidrContains(cidr: string, address: string): boolean | undefined {
  const block = parseCidr(cidr);
  const ip = parseIp(address);
  if (!block || !ip) return undefined;
  if (block.width !== ip.width) return false;
  return ip.bits >> BigInt(ip.width - block.prefix) === block.network;
}
