import type { z } from 'zod';
import type { ResponseOf, RouteName, Routes } from '../../src/domain/contract';
import type { RawBody } from '../../src/domain/rules';
import type { RequestContext } from '../context';

/** What a `rawResponse` handler returns: the bytes and the headers to send them with. */
export interface RawFile {
  bytes: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

type Parsed<N extends RouteName, K extends 'params' | 'query' | 'body'> =
  Routes[N] extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

/** What a handler receives: inputs already validated by the route's schemas. */
export interface HandlerInput<N extends RouteName> {
  params: Parsed<N, 'params'>;
  query: Parsed<N, 'query'>;
  body: Parsed<N, 'body'>;
  /** The uploaded file of a `rawBody` route, its type, size and signature checked; else null. */
  raw: RawBody | null;
  /** The version from If-Match, when the route's policy asks for one and the client sent it. */
  ifMatch: number | null;
  ctx: RequestContext;
}

export type Handler<N extends RouteName> = (input: HandlerInput<N>) => Promise<ResponseOf<N>>;
export type Handlers = { [N in RouteName]: Handler<N> };
