// The phone server's pieces that need no network: which addresses count as the LAN, and what
// the terminal says (the address, a QR code that decodes to it, the certificate warning).
import { describe, expect, it } from 'vitest';
import { lanAddresses, phoneBanner } from '../../../build/phoneServer';

type Interfaces = Parameters<typeof lanAddresses>[0];

function entry(address: string, family: 'IPv4' | 'IPv6', internal = false) {
  return { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };
}

describe('lanAddresses', () => {
  it('keeps external IPv4 addresses only, once each', () => {
    const interfaces = {
      lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
      wlan0: [entry('192.168.1.23', 'IPv4'), entry('fe80::1', 'IPv6')],
      eth0: [entry('10.0.0.5', 'IPv4'), entry('169.254.3.4', 'IPv4')],
      docker0: [entry('192.168.1.23', 'IPv4')],
    } as unknown as Interfaces;
    expect(lanAddresses(interfaces)).toEqual(['192.168.1.23', '10.0.0.5']);
  });
});

describe('phoneBanner', () => {
  it('shows each https address with a QR code and explains the warning', async () => {
    const text = await phoneBanner(5173, ['192.168.1.23']);
    expect(text).toContain('https://192.168.1.23:5173/');
    expect(text).toMatch(/▄|█/);
    expect(text).toContain('not private');
    expect(text).toContain('once per certificate');
  });

  it('says what to do without a network', async () => {
    const text = await phoneBanner(5173, []);
    expect(text).toContain('No local network address found');
    expect(text).not.toContain('https://');
  });
});
