import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';

/**
 * A signed statement that the audit chain's entry `seq` had hash `hash` at `at`: kept outside the store (another
 * system, a write-once bucket, a printed register), it lets `verify` detect a tail rewritten with recomputed
 * hashes, which a hash chain alone cannot. Signed with Ed25519 (the host keeps the private key, anyone can check
 * with the public one) or HMAC-SHA-256 (one shared secret).
 * @category Audit
 */
export const AuditCheckpoint = z.strictObject({
  seq: z.int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: Instant,
  algorithm: z.enum(['ed25519', 'hmac-sha256']),
  keyId: z.string().min(1).max(200),
  /** Base64 of the signature over `frontline-audit-checkpoint|seq|hash|at|keyId`. */
  signature: z.string().min(1).max(1000),
});
/** @category Audit */
export type AuditCheckpoint = z.output<typeof AuditCheckpoint>;

/**
 * The key a checkpoint is signed with: an Ed25519 private key (a `KeyObject` or PEM), or an HMAC secret.
 * @category Audit
 */
export type CheckpointSigningKey =
  | { readonly algorithm: 'ed25519'; readonly keyId: string; readonly privateKey: NodeKey | string }
  | { readonly algorithm: 'hmac-sha256'; readonly keyId: string; readonly secret: string | Uint8Array };

/**
 * A `node:crypto` `KeyObject`, described by shape so the public types need no `@types/node`.
 * @category Audit
 */
export interface NodeKey {
  readonly type: string;
  readonly asymmetricKeyType?: string;
}

/**
 * The keys checkpoints are checked with, by key id: an Ed25519 public key (a `KeyObject` or PEM), or the HMAC
 * secret.
 * @category Audit
 */
export type CheckpointVerifyingKeys = Readonly<Record<string, NodeKey | string | Uint8Array>>;

const message = (c: { seq: number; hash: string; at: Date; keyId: string }) =>
  Buffer.from(`frontline-audit-checkpoint|${c.seq}|${c.hash}|${c.at.toISOString()}|${c.keyId}`);

function refused(path: string, text: string): never {
  throw new ValidationError(`Invalid checkpoint key: ${path}: ${text}`, [
    { path: [path], message: text, code: 'custom' },
  ]);
}

/**
 * Signs the chain's head as a checkpoint.
 * @example
 * const { privateKey } = generateKeyPairSync('ed25519');
 * const checkpoint = signAuditCheckpoint({ seq: 41, hash }, { algorithm: 'ed25519', keyId: 'k1', privateKey }, new Date());
 * @category Audit
 */
export function signAuditCheckpoint(
  head: { seq: number; hash: string },
  key: CheckpointSigningKey,
  at: Date,
): AuditCheckpoint {
  const base = { seq: head.seq, hash: head.hash, at, keyId: key.keyId };
  let signature: string;
  if (key.algorithm === 'ed25519') {
    let privateKey: KeyObject;
    try {
      privateKey =
        typeof key.privateKey === 'string' ? createPrivateKey(key.privateKey) : (key.privateKey as KeyObject);
    } catch {
      refused('privateKey', 'expected an Ed25519 private key (KeyObject or PEM)');
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') refused('privateKey', 'expected an Ed25519 private key');
    signature = sign(null, message(base), privateKey).toString('base64');
  } else {
    signature = createHmac('sha256', key.secret).update(message(base)).digest('base64');
  }
  return parseInput(AuditCheckpoint, { ...base, algorithm: key.algorithm, signature }, 'audit checkpoint');
}

/**
 * True when the checkpoint's signature holds under the key its `keyId` names; false for an unknown key id or a
 * forged signature.
 * @category Audit
 */
export function checkAuditCheckpoint(raw: unknown, keys: CheckpointVerifyingKeys): boolean {
  const checkpoint = parseInput(AuditCheckpoint, raw, 'audit checkpoint');
  const key = keys[checkpoint.keyId];
  if (key === undefined) return false;
  const signature = Buffer.from(checkpoint.signature, 'base64');
  if (checkpoint.algorithm === 'ed25519') {
    try {
      const publicKey =
        typeof key === 'string' || key instanceof Uint8Array
          ? createPublicKey(Buffer.from(key))
          : (key as KeyObject);
      return verify(null, message(checkpoint), publicKey, signature);
    } catch {
      return false;
    }
  }
  if (!(typeof key === 'string' || key instanceof Uint8Array)) return false;
  const expected = createHmac('sha256', key).update(message(checkpoint)).digest();
  return expected.length === signature.length && timingSafeEqual(expected, signature);
}
