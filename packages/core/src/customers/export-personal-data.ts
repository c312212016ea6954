import { Permissions } from '../agents/permissions';
import { unsealPayload } from '../audit/sealed-values';
import { parseInput } from '../errors/validate';
import { requirePermission } from '../kernel/actor';
import { emit } from '../kit/define-event';
import { recordEvents } from '../services/domain-events';
import { consentHistoryOf } from './consent-commands';
import { CustomerCollection } from './customer-collections';
import { aboutCustomer, CustomerPersonalDataExported } from './customer-events';
import { CustomerQueryInput } from './customer-inputs';
import type { ExportPersonalDataResult, PersonalDataExport } from './customer-results';
import { type CustomerContext, callSource, toJson } from './customer-support';

/**
 * `exportPersonalData`: the customer, the consent history, the audit trail of the record (sealed fields read
 * back from beside the chain, see `unsealPayload`) and every
 * registered source's part, read in one transaction (a consistent picture) that also records who exported
 * (`customer.personal_data_exported.v1`). Not on the command runner: an export changes no aggregate (the
 * runner saves the aggregate with every event, which would give the customer a new version for a read).
 */
export async function exportPersonalData(
  ctx: CustomerContext,
  raw: unknown,
): Promise<ExportPersonalDataResult> {
  const { deps } = ctx;
  const input = parseInput(CustomerQueryInput, raw, 'personal-data export');
  const actor = requirePermission(input.actor, Permissions.customerExport);
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const customer = await tx.repository(CustomerCollection).get(input.customerId);
    const consents = await consentHistoryOf(tx, input.customerId);
    const auditTrail: PersonalDataExport['auditTrail'] = [];
    for await (const entry of tx.audit.read({ entityType: 'customer', entityId: input.customerId })) {
      auditTrail.push({
        at: entry.at.toISOString(),
        type: entry.type,
        data: toJson(await unsealPayload(tx, entry.payload), 'audit payload'),
      });
    }
    const sources: Record<string, unknown> = {};
    for (const source of ctx.sources) {
      const part = await callSource(source, 'export', () => source.export(input.customerId, tx));
      sources[source.name] = toJson(part, `export of personal-data source "${source.name}"`);
    }
    const document: PersonalDataExport = {
      format: 'frontline.personal-data-export/1',
      exportedAt: now.toISOString(),
      customerId: input.customerId,
      customer: toJson(customer.data, 'customer') as Record<string, unknown>,
      consentHistory: toJson(consents, 'consent history') as Record<string, unknown>[],
      auditTrail,
      sources,
    };
    const events = [
      emit(CustomerPersonalDataExported, aboutCustomer(input.customerId), {
        sources: ctx.sources.map((s) => s.name),
        consentRecords: consents.length,
      }),
    ];
    await recordEvents(tx, deps.clock, actor.id, events);
    return { export: document, events };
  });
}
