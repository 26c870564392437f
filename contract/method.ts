/** A contract method: its input schema (validated at the boundary) and, as a phantom, its result type. */
import type { z } from 'zod';

export interface MethodSpec<S extends z.ZodType, R> {
  input: S;
  /** Phantom: carries the result type only. */
  result: R;
}

export function method<R>() {
  return <S extends z.ZodType>(input: S): MethodSpec<S, R> => ({ input, result: undefined as R });
}

/** The areas' method maps as one type: the intersection of them all. */
export type AllAreas<Areas extends readonly object[]> = Areas extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? First & AllAreas<Rest>
  : unknown;

/**
 * The areas' method maps as one (the contract): a name two areas both declare is a mistake, refused when the module
 * loads rather than one silently replacing the other.
 */
export function mergeAreas<Areas extends readonly object[]>(...areas: Areas): AllAreas<Areas> {
  const declared = new Set<string>();
  const twice = new Set<string>();
  for (const area of areas) {
    for (const name of Object.keys(area)) (declared.has(name) ? twice : declared).add(name);
  }
  if (twice.size) throw new Error(`contract methods declared twice: ${[...twice].join(', ')}`);
  return Object.assign({}, ...areas) as AllAreas<Areas>;
}
