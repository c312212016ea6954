/**
 * The stable error codes of Frontline. A host matches on these, never on messages or classes.
 * @category Errors
 */
export const ErrorCode = {
  /** Input did not satisfy a schema; `details.issues` lists each bad field with its path. */
  VALIDATION: 'VALIDATION',
  /** The entity asked for does not exist. */
  NOT_FOUND: 'NOT_FOUND',
  /** A concurrent change won (optimistic concurrency), or a unique key is already taken. */
  CONFLICT: 'CONFLICT',
  /** The actor lacks the permission or authority the operation needs. */
  FORBIDDEN: 'FORBIDDEN',
  /** A state machine does not allow the command in the current state. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** A storage adapter or other infrastructure failed; `cause` holds the original error. */
  STORAGE: 'STORAGE',
  /** The audit chain or another integrity check found tampering. */
  INTEGRITY: 'INTEGRITY',
  /**
   * An optional dependency or an outside program the call needs (a headless browser, a canvas) is not
   * installed or could not start; `details.dependency` names it and `cause` holds the original error.
   */
  UNAVAILABLE: 'UNAVAILABLE',
} as const;

/** @category Errors */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
