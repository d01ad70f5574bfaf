/** A step of the evaluation went wrong in a way its message explains fully (no stack needed). */
export class EvalFailure extends Error {}
