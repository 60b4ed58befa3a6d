import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Webhook receivers are the client's own servers on the internet. In production the worker refuses a receiver
 * whose name resolves to a loopback, private, link-local, shared, multicast or reserved address, so a signed
 * client cannot make the server post people's data to hosts inside the province's network (SSRF). The name is
 * resolved just before the post; a name that changes its answer within that moment (DNS rebinding) is the
 * remaining gap, closed at the network edge by an egress rule for the app hosts (docs/SECURITY.md, production
 * checklist).
 */
const internal = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3], // multicast and reserved, up to 255.255.255.255
] as const)
  internal.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127], // :: and ::1
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, bits, 'ipv6');

/** Whether an address (IPv4, IPv6, or IPv4-mapped IPv6) is one the worker must not post to. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return internal.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return internal.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Resolve = (host: string) => Promise<string[]>;
const resolveAll: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Why the receiver of `url` may not be posted to (a Chinese message for the delivery log), or null when it may. */
export async function internalReceiverRefusal(url: string, resolve: Resolve = resolveAll): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `无法解析接收方域名 ${host}`;
  }
  const bad = addresses.find(isInternalAddress);
  return bad ? `接收方地址 ${bad} 属于内网或保留地址，不予发送` : null;
}
