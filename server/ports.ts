/*
 * What the API needs from the runtime it runs in. The app itself is plain Web-standard code
 * (Request, Response, Web Crypto), so it runs in Node behind `npm start` and in the browser behind
 * MSW; these are the parts that differ, injected at start (decision 001).
 */

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

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
