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

/**
 * The areas' method maps as one (the contract): a name two areas both declare is a mistake, refused when the module
 * loads rather than one silently replacing the other.
 */
export function mergeAreas<A extends object, B extends object>(a: A, b: B): A & B {
  const twice = Object.keys(b).filter((name) => Object.hasOwn(a, name));
  if (twice.length) throw new Error(`contract methods declared twice: ${twice.join(', ')}`);
  return { ...a, ...b };
}
