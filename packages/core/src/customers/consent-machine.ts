import { z } from 'zod';
import { defineMachine } from '../kit/define-machine';

/**
 * The state of one consent (a purpose on a channel): `none` until a statement, then the latest statement's.
 * @category Customers
 */
export const ConsentState = z.enum(['none', 'granted', 'withdrawn']);
/** @category Customers */
export type ConsentState = z.infer<typeof ConsentState>;

/**
 * What a customer can state about a consent.
 * @category Customers
 */
export const ConsentCommand = z.enum(['grant', 'withdraw']);
/** @category Customers */
export type ConsentCommand = z.infer<typeof ConsentCommand>;

const row = (from: ConsentState, command: ConsentCommand) =>
  Object.freeze({
    from,
    command,
    to: command === 'grant' ? ('granted' as const) : ('withdrawn' as const),
    guards: Object.freeze([] as never[]),
    permission: 'consent.write',
  });

/**
 * The consent lifecycle on the kit's one engine, as data a host can draw: a customer may grant or withdraw
 * in any state (a repeated grant re-confirms, a withdrawal before any grant records an objection); every
 * statement needs `consent.write`. The state a statement leaves is the latest statement's by the time it was
 * made (`consentStatus`): a statement dated earlier than the latest one does not change it.
 * @example consentMachine.decide('withdrawn', 'grant', undefined).to // 'granted'
 * @category Customers
 */
export const consentMachine = defineMachine({
  name: 'consent',
  states: ConsentState,
  commands: ConsentCommand,
  context: z.object({}).strict().default({}),
  guards: {},
  transitions: ConsentState.options.flatMap((from) =>
    ConsentCommand.options.map((command) => row(from, command)),
  ),
});
