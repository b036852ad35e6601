import i18next, { type TFunction } from 'i18next';
import type { IsoDate, Locale, Role, Timestamp } from '../../src/domain/contract';
import { mailMessages } from '../../src/locales/mail';
import type { Mail } from '../ports';
import { formatInstant, formatLongDate } from './dates';

/** What each kind of mail says, before it is put in the recipient's language. */
export type MailTemplate =
  | {
      kind: 'invitation';
      programme: string;
      inviter: string;
      role: Role;
      /** The consortium a lead or member joins; null for programme-wide roles. */
      consortium: string | null;
      link: string;
      expiresAt: Timestamp;
    }
  | { kind: 'password_reset'; programme: string; link: string; expiresAt: Timestamp }
  | {
      kind: 'period_reminder';
      programme: string;
      /** Already in the recipient's language, as the screens show it (e.g. "T4 2026"). */
      period: string;
      deadline: IsoDate;
      /** One line each, in the recipient's language: the KPI values or milestones still due. */
      missing: readonly string[];
      link: string;
    };

export type RenderedMail = Omit<Mail, 'to'>;

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'link'; href: string };

let instance: ReturnType<typeof i18next.createInstance> | null = null;

/** Its own i18next instance: the app's (src/lib/i18n) belongs to the screens and their language. */
function translate(locale: Locale): TFunction<'mail'> {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: { fr: { mail: mailMessages.fr }, en: { mail: mailMessages.en } },
      lng: 'fr',
      fallbackLng: 'fr',
      ns: ['mail'],
      defaultNS: 'mail',
      // Values are escaped once, where the HTML is written; the text part must stay unescaped.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return instance.getFixedT(locale, 'mail');
}

function content(template: MailTemplate, locale: Locale): { subject: string; blocks: Block[] } {
  const t = translate(locale);
  const p = (text: string): Block => ({ kind: 'paragraph', text });
  const validity = (expiresAt: Timestamp) =>
    p(t('common.linkValidity', formatInstant(expiresAt, locale)));
  switch (template.kind) {
    case 'invitation': {
      const { programme, inviter, role, link } = template;
      return {
        subject: t('invitation.subject', { programme }),
        blocks: [
          p(t('common.greeting')),
          p(t('invitation.intro', { inviter, programme })),
          p(t(`invitation.role.${role}`, { consortium: template.consortium ?? programme })),
          p(t('invitation.action')),
          { kind: 'link', href: link },
          validity(template.expiresAt),
          p(t('common.notExpected')),
        ],
      };
    }
    case 'password_reset':
      return {
        subject: t('passwordReset.subject'),
        blocks: [
          p(t('common.greeting')),
          p(t('passwordReset.intro', { programme: template.programme })),
          p(t('passwordReset.action')),
          { kind: 'link', href: template.link },
          validity(template.expiresAt),
          p(t('common.notExpected')),
        ],
      };
    case 'period_reminder': {
      const values = {
        programme: template.programme,
        period: template.period,
        deadline: formatLongDate(template.deadline, locale),
      };
      return {
        subject: t('periodReminder.subject', values),
        blocks: [
          p(t('common.greeting')),
          p(t('periodReminder.intro', values)),
          p(t('periodReminder.missing', { count: template.missing.length })),
          { kind: 'list', items: template.missing },
          p(t('periodReminder.action')),
          { kind: 'link', href: template.link },
        ],
      };
    }
  }
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function textOf(blocks: readonly Block[], signature: string): string {
  const parts = blocks.map((b) =>
    b.kind === 'paragraph'
      ? b.text
      : b.kind === 'link'
        ? b.href
        : b.items.map((i) => `- ${i}`).join('\n'),
  );
  // "-- " on a line of its own is the signature delimiter mail readers recognise.
  return `${parts.join('\n\n')}\n\n-- \n${signature}\n`;
}

function htmlOf(blocks: readonly Block[], signature: string, subject: string, locale: Locale) {
  const body = blocks.map((b) => {
    if (b.kind === 'paragraph') return `<p>${escapeHtml(b.text)}</p>`;
    if (b.kind === 'list')
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    return `<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.href)}</a></p>`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    ...body,
    `<p style="color: #555">${escapeHtml(signature)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * The subject, text and HTML of a mail in the recipient's language. Pure and Web-standard, so
 * the app renders mail the same way in Node and in the browser (decision 007).
 */
export function renderMail(template: MailTemplate, locale: Locale): RenderedMail {
  // Links come from the configured origin; anything else in an href is a bug to stop here.
  if (!/^https?:\/\//.test(template.link)) throw new Error('mail links must be http(s) URLs');
  const { subject, blocks } = content(template, locale);
  const signature = translate(locale)('common.signature');
  return {
    subject,
    text: textOf(blocks, signature),
    html: htmlOf(blocks, signature, subject, locale),
  };
}
