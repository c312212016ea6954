import { createHash } from 'node:crypto';
import { EntityId, parseInput } from '@frontline/core';
import { z } from 'zod';

const Input = z.strictObject({
  customerId: EntityId,
  campaignId: EntityId,
  share: z.number().min(0).max(1),
});

/**
 * Where a customer falls for a campaign, uniformly in [0, 1): the first 48 bits of the SHA-256 digest of
 * `campaignId`, a NUL byte and `customerId` (UTF-8), read as a big-endian integer and divided by 2^48. Ids
 * cannot hold a NUL byte, so no two pairs hash the same text. The same pair always gives the same number, on
 * any machine and in any language with SHA-256.
 * @example controlGroupDraw('c-1', 'spring-2027') // e.g. 0.6173…
 * @category Segments
 */
export function controlGroupDraw(customerId: string, campaignId: string): number {
  const input = parseInput(Input, { customerId, campaignId, share: 0 }, 'control group query');
  return drawOf(input.customerId, input.campaignId);
}

function drawOf(customerId: string, campaignId: string): number {
  const digest = createHash('sha256').update(`${campaignId}\u0000${customerId}`, 'utf8').digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * True when a customer is in a campaign's control group (kontrollcsoport): held back from the contact, so the
 * campaign's uplift can be measured against them. Deterministic: the same customer is always in or always out
 * for a campaign, wherever and however often it is asked; campaigns split independently of each other (the
 * campaign id is hashed with the customer id, see {@link controlGroupDraw}). Raising the share only adds
 * customers to the group: whoever is in at 5% is in at 10%.
 * @param share - the fraction held back, 0–1 (`0.1` for 10%).
 * @throws ValidationError at `['customerId']`, `['campaignId']` or `['share']`.
 * @example inControlGroup('c-1', 'spring-2027', 0.1) // the same answer every time
 * @category Segments
 */
export function inControlGroup(customerId: string, campaignId: string, share: number): boolean {
  const input = parseInput(Input, { customerId, campaignId, share }, 'control group query');
  return drawOf(input.customerId, input.campaignId) < input.share;
}
