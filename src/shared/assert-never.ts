/**
 * The default branch of an exhaustive `switch` over a string union: the compiler rejects the call
 * when a case is missing (the argument is then not `never`), and at run time it names the value.
 * @example switch (kind) { case 'share': …; case 'mean': …; default: return assertNever(kind); }
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
