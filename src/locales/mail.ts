import en from './mail.en.json';
import fr from './mail.fr.json';

/**
 * The e-mails' messages, a namespace of their own: only the server renders mail, so they stay out
 * of the app's bundles, yet live beside the other catalogues for translators and the parity test.
 */
export type MailMessages = typeof fr;
export const mailMessages: Readonly<Record<'fr' | 'en', MailMessages>> = { fr, en };
