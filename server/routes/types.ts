import type { z } from 'zod';
import type { ResponseOf, RouteName, Routes } from '../../src/domain/contract';
import type { RequestContext } from '../context';

type Parsed<N extends RouteName, K extends 'params' | 'query' | 'body'> =
  Routes[N] extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined;

/** What a handler receives: inputs already validated by the route's schemas. */
export interface HandlerInput<N extends RouteName> {
  params: Parsed<N, 'params'>;
  query: Parsed<N, 'query'>;
  body: Parsed<N, 'body'>;
  /** The version from If-Match, when the route's policy asks for one and the client sent it. */
  ifMatch: number | null;
  ctx: RequestContext;
}

export type Handler<N extends RouteName> = (input: HandlerInput<N>) => Promise<ResponseOf<N>>;
export type Handlers = { [N in RouteName]: Handler<N> };
