import { ValidationError } from '../../errors/frontline-error';

/**
 * An Erlang C queue with at least as much traffic as agents: without abandonment its queue grows without bound,
 * so it has no probability of waiting, service level or ASA — never a number. A `ValidationError` (code
 * `VALIDATION`) whose one issue has the code `unstable_queue` and the path of the agents field; `details` carry
 * `trafficErlangs` and `agents`. Add agents, or use Erlang A (`erlangA`), which models callers who hang up.
 * @category Staffing
 */
export class UnstableQueueError extends ValidationError {
  /** The offered traffic in Erlangs. */
  readonly trafficErlangs: number;
  /** The agents asked about (no more than the traffic). */
  readonly agents: number;

  constructor(trafficErlangs: number, agents: number, path: readonly (string | number)[] = ['agents']) {
    const load = Math.round(trafficErlangs * 1000) / 1000;
    const message =
      `unstable queue: ${agents} agent${agents === 1 ? '' : 's'} cannot keep up with ${load} Erlangs of traffic ` +
      `(calls per hour × AHT ÷ 3600); Erlang C needs more agents than Erlangs — add agents, or use Erlang A, ` +
      'which counts the callers who hang up';
    super(
      `Invalid Erlang C queue: ${path.join('.')}: ${message}`,
      [{ path, message, code: 'unstable_queue' }],
      {
        details: { trafficErlangs, agents },
      },
    );
    this.name = 'UnstableQueueError';
    this.trafficErlangs = trafficErlangs;
    this.agents = agents;
  }
}
