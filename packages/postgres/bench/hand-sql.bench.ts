/**
 * The SDK's commands side by side with the SQL a competent developer would write by hand for the same job, on
 * PGlite and (with `FRONTLINE_PG_URL`) on a PostgreSQL server, in the same run.
 *
 * The hand-written side has real columns (`hand_tickets`: customer, status, priority, subject, category, SLA due
 * instants, version), a foreign key to `hand_customers`, three secondary indexes (customer, status, resolution
 * due), an audit table chained with SHA-256 computed in JS under a locked head row, and an outbox row — all in one
 * transaction: `BEGIN`, lock the head, insert the ticket, insert the audit entry and move the head (one statement),
 * insert the outbox row, `COMMIT`: six statements. Its SLA due instants come from the same business calendar the
 * SDK uses (a developer would use a library for that too), so the comparison is about storage and the command
 * pipeline, not calendar arithmetic.
 *
 * The SDK side is `openTicket` (and `respondToTicket`) through the ticket service with an SLA policy: input
 * validated, permission checked, SLA targets chosen, the ticket and its index keys, the audit entry and the outbox
 * message written in one transaction.
 *
 *   BENCH_FILTER=hand npm run bench
 */
import { createHash, randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import {
  type ActorInput,
  addBusinessMinutes,
  createBusinessCalendar,
  createFixedClock,
  createSequentialIds,
  hungarianCalendarDefinition,
  Permissions,
} from '@frontline/core';
import { createTicketService, type TicketService } from '@frontline/core/service-desk';
import pg from 'pg';
import { type BenchCase, type BenchTask, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { createPgliteStore, createPostgresStore, type SqlStore } from '../src/index';
import { type HandDb, type HandQuery, pgHandDb, pgliteHandDb } from './hand-db';

const P = Permissions;
const operator: ActorInput = {
  id: 'agent-anna',
  roles: ['operator_l1', 'supervisor'],
  permissions: [P.customerRead, P.customerWrite, P.ticketWrite, P.ticketSupervise],
};
const split = ['08:00-12:00', '12:30-16:30'];
const calendarDefinition = hungarianCalendarDefinition({
  hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] },
});
const calendar = createBusinessCalendar(calendarDefinition);
const CUSTOMERS = 50;
const serverUrl = process.env.FRONTLINE_PG_URL || undefined;

const HAND_SCHEMA = (s: string) => `
CREATE SCHEMA ${s};
CREATE TABLE ${s}.hand_customers (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE ${s}.hand_tickets (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES ${s}.hand_customers (id),
  status text NOT NULL,
  priority text NOT NULL,
  subject text NOT NULL,
  category text,
  opened_at timestamptz NOT NULL,
  first_response_due timestamptz,
  resolution_due timestamptz,
  first_response_at timestamptz,
  version integer NOT NULL
);
CREATE INDEX ON ${s}.hand_tickets (customer_id);
CREATE INDEX ON ${s}.hand_tickets (status);
CREATE INDEX ON ${s}.hand_tickets (resolution_due);
CREATE TABLE ${s}.hand_audit (
  seq bigint PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL, entity_type text NOT NULL,
  entity_id text NOT NULL, type text NOT NULL, payload jsonb, prev_hash text NOT NULL, hash text NOT NULL);
CREATE TABLE ${s}.hand_audit_head (id int PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL);
INSERT INTO ${s}.hand_audit_head VALUES (1, 0, repeat('0', 64));
CREATE TABLE ${s}.hand_outbox (id text PRIMARY KEY, topic text NOT NULL, payload jsonb, created_at timestamptz NOT NULL);
`;

/** The hand-written commands over one schema. */
function handCommands(db: HandDb, s: string) {
  let next = 0;
  const audit = async (
    q: HandQuery,
    at: Date,
    entityId: string,
    type: string,
    payload: Record<string, unknown>,
  ) => {
    const [head] = await q(`SELECT seq, hash FROM ${s}.hand_audit_head WHERE id = 1 FOR UPDATE`);
    const seq = Number(head!.seq) + 1;
    const prevHash = String(head!.hash);
    const hash = createHash('sha256')
      .update(
        JSON.stringify([seq, at.toISOString(), operator.id, 'ticket', entityId, type, payload, prevHash]),
      )
      .digest('hex');
    await q(
      `WITH a AS (INSERT INTO ${s}.hand_audit VALUES ($1, $2, $3, 'ticket', $4, $5, $6, $7, $8))
       UPDATE ${s}.hand_audit_head SET seq = $1, hash = $8 WHERE id = 1`,
      [seq, at.toISOString(), operator.id, entityId, type, JSON.stringify(payload), prevHash, hash],
    );
  };
  return {
    async open(customerId: string, at: Date): Promise<string> {
      const id = `hand-${++next}`;
      const firstDue = addBusinessMinutes(calendar, at, 60);
      const resolutionDue = addBusinessMinutes(calendar, at, 960);
      await db.transaction(async (q) => {
        await q(
          `INSERT INTO ${s}.hand_tickets (id, customer_id, status, priority, subject, category, opened_at,
             first_response_due, resolution_due, version)
           VALUES ($1, $2, 'open', 'normal', $3, 'network', $4, $5, $6, 1)`,
          [
            id,
            customerId,
            'A router nem működik',
            at.toISOString(),
            firstDue.toISOString(),
            resolutionDue.toISOString(),
          ],
        );
        await audit(q, at, id, 'ticket.opened.v1', { customerId, priority: 'normal' });
        await q(`INSERT INTO ${s}.hand_outbox VALUES ($1, 'ticket.opened.v1', $2, $3)`, [
          randomUUID(),
          JSON.stringify({ ticketId: id, customerId }),
          at.toISOString(),
        ]);
      });
      return id;
    },
    async respond(id: string, at: Date): Promise<void> {
      await db.transaction(async (q) => {
        const [row] = await q(
          `UPDATE ${s}.hand_tickets SET status = 'pending_internal', first_response_at = $2, version = version + 1
           WHERE id = $1 AND status = 'open' RETURNING version`,
          [id, at.toISOString()],
        );
        if (!row) throw new Error(`ticket ${id} is not open`);
        await audit(q, at, id, 'ticket.responded.v1', {});
        await q(`INSERT INTO ${s}.hand_outbox VALUES ($1, 'ticket.responded.v1', $2, $3)`, [
          randomUUID(),
          JSON.stringify({ ticketId: id }),
          at.toISOString(),
        ]);
      });
    },
  };
}

interface Side {
  open(customer: number): Promise<string>;
  respond(id: string): Promise<void>;
  close(): Promise<void>;
}

const at = new Date('2026-03-02T08:00:00Z');

async function handSide(db: HandDb, schema: string): Promise<Side> {
  const s = `"${schema}"`;
  for (const statement of HAND_SCHEMA(s)
    .split(';')
    .filter((x) => x.trim()))
    await db.query(statement);
  for (let i = 0; i < CUSTOMERS; i++)
    await db.query(`INSERT INTO ${s}.hand_customers VALUES ($1, $2)`, [`c${i}`, `Ügyfél ${i}`]);
  const commands = handCommands(db, s);
  return {
    open: (customer) => commands.open(`c${customer % CUSTOMERS}`, at),
    respond: (id) => commands.respond(id, at),
    close: async () => {
      await db.query(`DROP SCHEMA ${s} CASCADE`);
      await db.close();
    },
  };
}

async function sdkSide(store: SqlStore): Promise<Side> {
  const clock = createFixedClock(at);
  const tickets: TicketService = createTicketService({
    store,
    clock,
    ids: createSequentialIds('bench'),
    defaultSlaPolicyId: 'hotline',
  });
  await tickets.saveSlaPolicy({
    actor: operator,
    policy: {
      id: 'hotline',
      name: 'Hotline',
      calendar: calendarDefinition,
      targets: [{ firstResponseMinutes: 60, nextResponseMinutes: 120, resolutionMinutes: 960 }],
    },
  });
  const { createCustomerService } = await import('@frontline/core/service-desk');
  const customers = createCustomerService({ store, clock, ids: createSequentialIds('cust') });
  const ids: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const { customer } = await customers.registerCustomer({
      actor: operator,
      familyName: 'Kovács',
      givenNames: [`Ügyfél${i}`],
    });
    ids.push(customer.id);
  }
  return {
    open: async (customer) =>
      (
        await tickets.openTicket({
          actor: operator,
          customerId: ids[customer % CUSTOMERS]!,
          subject: 'A router nem működik',
          category: 'network',
        })
      ).ticket.id,
    respond: async (ticketId) => {
      await tickets.respondToTicket({ actor: operator, ticketId });
    },
    close: async () => {
      if (store.driver === 'pg') await store.raw.query(`DROP SCHEMA IF EXISTS "${store.schema}" CASCADE`);
      await store.close();
    },
  };
}

interface Backend {
  name: string;
  hand: () => Promise<Side>;
  sdk: () => Promise<Side>;
}

function backends(): Backend[] {
  const pid = process.pid;
  const list: Backend[] = [
    {
      name: 'PGlite',
      hand: async () => handSide(pgliteHandDb(await PGlite.create()), `hand_${pid}`),
      sdk: async () => sdkSide(await createPgliteStore({ schema: `sdk_${pid}` })),
    },
  ];
  if (serverUrl) {
    list.push({
      name: 'PostgreSQL server',
      hand: async () =>
        handSide(pgHandDb(new pg.Pool({ connectionString: serverUrl, max: 4 })), `hand_${pid}`),
      sdk: async () =>
        sdkSide(
          await createPostgresStore({
            connectionString: serverUrl,
            schema: `sdk_${pid}`,
            poolConfig: { max: 4 },
          }),
        ),
    });
  } else {
    console.error('[hand-sql bench] FRONTLINE_PG_URL is not set: measuring PGlite only, not a server.');
  }
  return list;
}

export default defineBenchSuite({
  name: 'postgres: SDK against hand-written SQL',
  cases: () =>
    backends().flatMap((backend): BenchCase[] => {
      const sides = new Map<string, Side>();
      let n = 0;
      const task = (name: string, op: (side: Side) => Promise<void>): BenchTask => ({
        name,
        fn: async () => {
          const side = sides.get(name);
          if (!side) throw new Error(`${name} is not open`);
          await op(side);
        },
      });
      const make = (title: string, op: (side: Side) => Promise<void>, itemsPerOp: number): BenchCase => {
        const hand = task('hand-written SQL', op);
        const sdk = task('Frontline SDK', op);
        return {
          name: `${title} on ${backend.name}`,
          itemsPerOp,
          unit: 'command',
          iterations: benchSize(5, 2),
          time: benchSize(1_500, 100),
          baseline: hand,
          candidates: [sdk],
          setup: async () => {
            sides.set(hand.name, await backend.hand());
            sides.set(sdk.name, await backend.sdk());
            // warm both: plans cached, indexes not empty
            for (const side of sides.values()) for (let i = 0; i < benchSize(50, 3); i++) await side.open(i);
          },
          teardown: async () => {
            for (const side of sides.values()) await side.close();
            sides.clear();
          },
        };
      };
      return [
        make('create ticket (one command)', async (side) => void (await side.open(n++)), 1),
        make(
          'create ticket, then first response (two commands)',
          async (side) => side.respond(await side.open(n++)),
          2,
        ),
      ];
    }),
});
