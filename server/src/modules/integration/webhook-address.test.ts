import { describe, expect, it } from 'vitest';
import { internalReceiverRefusal, isInternalAddress } from './webhook-address';

describe('webhook receivers on internal addresses (SSRF guard of production)', () => {
  it('classes loopback, private, link-local, shared, multicast and mapped addresses as internal', () => {
    for (const a of [
      '127.0.0.1',
      '10.2.3.4',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.10',
      '169.254.169.254', // cloud metadata
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-address',
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ['203.0.113.9', '172.32.0.1', '8.8.8.8', '2408:8000::1', '::ffff:36.110.1.1'])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it('refuses a URL whose host is, or resolves to, an internal address, and one that does not resolve', async () => {
    const resolve = async (host: string) => {
      if (host === 'hooks.example.cn') return ['203.0.113.9'];
      if (host === 'rebind.example.cn') return ['203.0.113.9', '10.0.0.7'];
      throw new Error('ENOTFOUND');
    };
    expect(await internalReceiverRefusal('https://hooks.example.cn/ptce', resolve)).toBeNull();
    expect(await internalReceiverRefusal('https://rebind.example.cn/ptce', resolve)).toBe(
      '接收方地址 10.0.0.7 属于内网或保留地址，不予发送',
    );
    expect(await internalReceiverRefusal('https://127.0.0.1:8443/x', resolve)).toMatch(/127\.0\.0\.1 属于内网/);
    expect(await internalReceiverRefusal('https://[::1]/x', resolve)).toMatch(/::1 属于内网/);
    expect(await internalReceiverRefusal('https://nowhere.example.cn/x', resolve)).toBe(
      '无法解析接收方域名 nowhere.example.cn',
    );
  });
});
