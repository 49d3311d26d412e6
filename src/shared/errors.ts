/** A user error (bad input, bad arguments): printed without a stack trace, exit code 2. */
export class UserError extends Error {}
