// For tests: a real SMTP server (smtp-server) in the test process, and small readers of what it got.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  raw: string;
}

export async function startSmtp(): Promise<{ server: SMTPServer; url: string; inbox: Received[]; close: () => Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function decode(content: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const latin = content.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(latin, 'latin1').toString('utf8');
  }
  return content;
}

/** The leaf MIME parts of a mail (nested multiparts opened), with their headers and decoded content. */
export function partsOf(raw: string): { headers: string; content: string }[] {
  const boundary = /boundary="?([^"\r\n;]+)"?/i.exec(raw.slice(0, raw.indexOf('\r\n\r\n')))?.[1];
  const chunks = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  return chunks.flatMap((chunk) => {
    const trimmed = chunk.replace(/^\r\n/, '');
    const split = trimmed.indexOf('\r\n\r\n');
    const headers = trimmed.slice(0, split);
    // A nested multipart (multipart/alternative inside multipart/mixed): its own leaf parts.
    if (boundary && /Content-Type:\s*multipart\//i.test(headers)) return partsOf(trimmed);
    const body = trimmed.slice(split + 4).replace(/\r\n$/, '');
    return { headers, content: decode(body, /Content-Transfer-Encoding:\s*(\S+)/i.exec(headers)?.[1] ?? '7bit') };
  });
}

/** The text of a received mail (its text/plain part). */
export function textOf(raw: string): string {
  const part = partsOf(raw).find((p) => /Content-Type:\s*text\/plain/i.test(p.headers));
  return part?.content ?? '';
}
