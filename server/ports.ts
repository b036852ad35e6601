import type { ExportTable } from '../src/domain/rules/period-export';

/*
 * What the API needs from the runtime it runs in. The app itself is plain Web-standard code
 * (Request, Response, Web Crypto), so it runs in Node behind `npm start` and in the browser behind
 * MSW; these are the parts that differ, injected at start (decision 001).
 */

/** A mail ready to go: rendered in the recipient's language by server/mail/render. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same content as `text`, escaped, for readers that show HTML. */
  html: string;
}

/** Delivers or rejects; it answers within a few seconds either way (the request waits for it). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export interface Verification {
  ok: boolean;
  /** The new hash to store when the hashing parameters changed since this one was made. */
  rehash: string | null;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Always costs one verification, whether or not there is a stored hash, so that an unknown
   * address takes as long as a wrong password.
   */
  verify(stored: string | null, password: string): Promise<Verification>;
}

/**
 * Writes tables as an XLSX workbook. The writer (exceljs) needs Node, so it is injected by
 * server/node; where none is (the browser mocks), the XLSX export answers 501 and CSV still works.
 */
export interface SpreadsheetWriter {
  workbook(tables: readonly ExportTable[]): Promise<Uint8Array<ArrayBuffer>>;
}
