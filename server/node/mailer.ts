import nodemailer from 'nodemailer';
import type { Logger } from '../logger';
import type { Mailer } from '../ports';

/** The request waits for its mail (to answer `emailed`), so a silent relay may cost it this much. */
export const SEND_TIMEOUT_MS = 5_000;

export interface SmtpOptions {
  host: string;
  port: number;
  from: { name: string; address: string };
  timeoutMs?: number;
}

/**
 * Sends through nodemailer, which writes the Message-ID, the Date and RFC 2047 headers. Plain SMTP
 * with no authentication, as before (decision 004): SMTP_URL points at a relay on the same host or
 * network (Postfix, the hosting provider's), which handles TLS, DKIM and retries. STARTTLS is not
 * attempted, since such relays often offer it with a self-signed certificate.
 */
export function smtpMailer(options: SmtpOptions, logger?: Logger): Mailer {
  const timeout = options.timeoutMs ?? SEND_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Our mails carry no attachments: nothing may make nodemailer read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(mail) {
      // Each step has its own timeout; this one bounds a relay that answers, but slowly, at each.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`SMTP: no answer in ${timeout} ms`)), timeout);
      });
      try {
        await Promise.race([
          transport.sendMail({
            from: options.from,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          }),
          deadline,
        ]);
      } catch (error) {
        logger?.warn('mail not sent', {
          error: error instanceof Error ? error.message : 'unknown',
        });
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
