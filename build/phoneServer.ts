/**
 * `--mode phone` (`npm run dev:phone`, `npm run preview:phone`): serve the game over HTTPS on
 * the local network so a phone can open it, camera included (browsers only open the camera on
 * a secure page, and http://192.168.x.y is not one).
 *
 * - The certificate is made on the spot by @vitejs/plugin-basic-ssl's `getCertificate` (a
 *   self-signed one, kept in node_modules/.vite/ and renewed when it expires): no hand-rolled
 *   crypto. The phone shows a one-time warning for it, which the terminal explains.
 * - Both servers bind to 0.0.0.0 (every interface: the phone is on the LAN).
 * - Once listening, the terminal shows each LAN address and a QR code of it (the `qrcode`
 *   package's terminal renderer), so the phone's camera app opens the game.
 * In every other mode this plugin does nothing.
 */
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { getCertificate } from '@vitejs/plugin-basic-ssl';
import QRCode from 'qrcode';
import type { Logger, Plugin } from 'vite';

export const PHONE_MODE = 'phone';
/** Where the generated certificate is kept (git-ignored, like all of node_modules). */
export const CERT_DIR = 'node_modules/.vite/headchomp-phone-ssl';

/** The machine's IPv4 addresses on the local network (no loopback, no link-local). */
export function lanAddresses(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string[] {
  const found: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal) continue;
      if (entry.address.startsWith('169.254.')) continue;
      if (!found.includes(entry.address)) found.push(entry.address);
    }
  }
  return found;
}

/** What the terminal says once the phone server listens: addresses, QR codes, the warning. */
export async function phoneBanner(port: number, addresses: readonly string[]): Promise<string> {
  const lines: string[] = ['', '  HEADCHOMP on your phone (same Wi-Fi as this computer):', ''];
  if (addresses.length === 0) {
    lines.push('  No local network address found: connect this computer to the Wi-Fi first.');
  }
  for (const address of addresses) {
    const url = `https://${address}:${port}/`;
    lines.push(`  ${url}`, '');
    const qr = await QRCode.toString(url, { type: 'terminal', small: true });
    lines.push(...qr.split('\n').map((line) => `  ${line}`));
  }
  lines.push(
    "  Scan the code with the phone's camera, or type the address.",
    '  The first time, the browser warns that the connection is "not private": the certificate',
    '  was just made by this computer, not by an authority the phone knows. Choose "Advanced",',
    '  then "Proceed" (Chrome) or "Show details", then "visit this website" (Safari). This is',
    '  asked once per certificate; the camera only works on such a secure (https) page.',
    '',
  );
  return lines.join('\n');
}

function announceWhenListening(httpServer: Server | null, logger: Logger): void {
  httpServer?.once('listening', () => {
    const address = httpServer.address() as AddressInfo | null;
    if (address === null) return;
    void phoneBanner(address.port, lanAddresses()).then(
      (banner) => logger.info(banner),
      (error: unknown) => logger.warn(`[headchomp phone] no QR code: ${String(error)}`),
    );
  });
}

export function phoneServer(): Plugin {
  return {
    name: 'headchomp-phone-server',
    async config(config, env) {
      if (env.mode !== PHONE_MODE) return;
      const root = config.root ? resolve(config.root) : process.cwd();
      const pem = await getCertificate(resolve(root, CERT_DIR), 'headchomp');
      const https = { cert: pem, key: pem };
      return {
        server: { host: '0.0.0.0', https },
        preview: { host: '0.0.0.0', https },
      };
    },
    configureServer(server) {
      if (server.config.mode !== PHONE_MODE) return;
      announceWhenListening(server.httpServer as Server | null, server.config.logger);
    },
    configurePreviewServer(server) {
      if (server.config.mode !== PHONE_MODE) return;
      announceWhenListening(server.httpServer as Server | null, server.config.logger);
    },
  };
}
