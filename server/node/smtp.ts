import { connect, type Socket } from 'node:net';
import type { Mailer } from '../ports';

const TIMEOUT_MS = 10_000;

/** Reads one (possibly multi-line) reply and checks its code. */
function replies(socket: Socket) {
  let buffer = '';
  const waiting: ((line: string) => void)[] = [];
  const complete: string[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let nl = buffer.indexOf('\r\n'); nl >= 0; nl = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      // "250-..." continues a reply, "250 ..." ends it.
      if (line[3] === '-') continue;
      const next = waiting.shift();
      if (next) next(line);
      else complete.push(line);
    }
  });
  return (expected: number) =>
    new Promise<void>((ok, fail) => {
      const check = (line: string) =>
        line.startsWith(String(expected)) ? ok() : fail(new Error(`SMTP refused: ${line}`));
      const ready = complete.shift();
      if (ready !== undefined) check(ready);
      else waiting.push(check);
    });
}

// Header values come from validated e-mail addresses and our own texts; a line break would let
// a value add headers, so it is refused outright.
const headerSafe = (v: string) => {
  if (/[\r\n]/.test(v)) throw new Error('line break in a mail header');
  return v;
};

/**
 * A minimal SMTP client (RFC 5321: EHLO, MAIL FROM, RCPT TO, DATA, QUIT) with no TLS and no
 * authentication: production points SMTP_URL at a relay on the same host or network (Postfix,
 * the hosting provider's relay), which handles TLS, DKIM and retries.
 */
export function smtpMailer(options: { host: string; port: number; from: string }): Mailer {
  return {
    async send(mail) {
      const socket = connect({ host: options.host, port: options.port });
      socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('SMTP timeout')));
      const failed = new Promise<never>((_, fail) => socket.once('error', fail));
      const reply = replies(socket);
      const command = async (line: string, expected: number) => {
        socket.write(`${line}\r\n`);
        await reply(expected);
      };
      const body = mail.text
        .split(/\r?\n/)
        .map((l) => (l.startsWith('.') ? `.${l}` : l))
        .join('\r\n');
      const conversation = async () => {
        await reply(220);
        await command('EHLO jalon', 250);
        await command(`MAIL FROM:<${headerSafe(options.from)}>`, 250);
        await command(`RCPT TO:<${headerSafe(mail.to)}>`, 250);
        await command('DATA', 354);
        const message = [
          `From: Jalon <${options.from}>`,
          `To: <${mail.to}>`,
          `Subject: ${headerSafe(mail.subject)}`,
          `Date: ${new Date().toUTCString()}`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: 8bit',
          '',
          body,
          '.',
        ].join('\r\n');
        await command(message, 250);
        await command('QUIT', 221);
      };
      try {
        await Promise.race([conversation(), failed]);
      } finally {
        socket.destroy();
      }
    },
  };
}
