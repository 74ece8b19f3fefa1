// `npm run preview:phone` (`vite preview --mode phone`): the built game over HTTPS, bound to
// every interface as a phone on the Wi-Fi needs, with a certificate made on the spot; the
// terminal shows the LAN address as a QR code. Every request here goes to 127.0.0.1 only,
// never to the machine's network address.
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddresses } from '../../build/phoneServer';

let server: PreviewServer;
const logged: string[] = [];

beforeAll(async () => {
  server = await preview({
    mode: 'phone',
    logLevel: 'info',
    customLogger: {
      info: (message: string) => logged.push(message),
      warn: (message: string) => logged.push(message),
      warnOnce: (message: string) => logged.push(message),
      error: (message: string) => logged.push(message),
      clearScreen: () => {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
    preview: { port: 4443, strictPort: false, open: false },
  });
});
afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  body: string;
  encrypted: boolean;
  protocol: string | null;
  subject: string;
  headers: Record<string, string | string[] | undefined>;
}

/** GET over TLS from 127.0.0.1 (the certificate is self-signed: it is shown, not trusted). */
function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'GET', rejectUnauthorized: false },
      (res) => {
        const socket = res.socket as TLSSocket;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            encrypted: socket.encrypted,
            protocol: socket.getProtocol(),
            subject: JSON.stringify(socket.getPeerCertificate().subject ?? {}),
            headers: res.headers,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('the phone server', () => {
  it('binds to every interface and answers over TLS', async () => {
    const address = server.httpServer.address() as AddressInfo;
    expect(address.address).toBe('0.0.0.0');
    const page = await get(address.port, '/');
    expect(page.encrypted).toBe(true);
    expect(page.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>HEADCHOMP</title>');
    expect(page.body).toContain('rel="manifest"');
    // The model and the offline worker come over the same TLS server.
    const model = await get(address.port, '/models/mobilenet/model.json');
    expect(model.status).toBe(200);
    expect(String(model.headers['content-type'])).toContain('application/json');
    const sw = await get(address.port, '/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.body).toContain('headchomp-precache-');
    expect(server.resolvedUrls?.local[0]).toMatch(/^https:\/\//);
  });

  it('prints the LAN address, a QR code of it, and explains the certificate warning', async () => {
    await expect.poll(() => logged.join('\n')).toContain('HEADCHOMP on your phone');
    const text = logged.join('\n');
    expect(text).toContain('not private');
    // The QR code, drawn with block characters, for each LAN address (CI may have none).
    if (lanAddresses().length > 0) expect(text).toMatch(/▄|█/);
  });
});
