import { NotFoundError, ValidationError } from '../errors/frontline-error';
import { runCreate } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { ServiceDeps } from '../services/domain-events';
import { NoticeAcknowledged, NoticePublished } from './agent-events';
import { AcknowledgeNoticeInput, PublishNoticeInput } from './agent-inputs';
import { loadAgent, openSession, requireKnownRoles } from './agent-lookups';
import { AgentSessionCollection } from './agent-session';
import { acknowledgementId, type Notice, NoticeAcknowledgementCollection, NoticeCollection } from './notice';
import { Permissions } from './permissions';

const PAST_VALIDITY = 'A notice must be valid for some time after now';

/** Publishes a notice to roles (or everyone). */
export function publishNotice(deps: ServiceDeps, raw: unknown) {
  return runCreate(
    deps,
    {
      name: 'notice',
      input: PublishNoticeInput,
      collection: NoticeCollection,
      permission: Permissions.noticePublish,
      create: async ({ input, actor, at, tx }) => {
        if (input.validUntil !== undefined && input.validUntil <= at) {
          throw new ValidationError(`Invalid notice: validUntil: ${PAST_VALIDITY}`, [
            { path: ['validUntil'], message: PAST_VALIDITY, code: 'custom' },
          ]);
        }
        await requireKnownRoles(tx, input.audienceRoleIds, 'audienceRoleIds', 'notice');
        const notice: Notice = {
          id: deps.ids.next(),
          title: input.title,
          body: input.body,
          audienceRoleIds: input.audienceRoleIds,
          mandatory: input.mandatory,
          publishedAt: at,
          publishedBy: actor.id,
          ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
        };
        const event = emit(
          NoticePublished,
          { entityType: 'notice', entityId: notice.id },
          { audienceRoleIds: notice.audienceRoleIds, mandatory: notice.mandatory },
        );
        return { entity: notice, events: [event] };
      },
    },
    raw,
  );
}

/**
 * The acting agent acknowledges a notice (always its own act); a mandatory one it read no longer blocks calls
 * in its open session. Acknowledging twice keeps the first acknowledgement and records nothing.
 */
export function acknowledgeNotice(deps: ServiceDeps, raw: unknown) {
  return runCreate(
    deps,
    {
      name: 'notice acknowledgement',
      input: AcknowledgeNoticeInput,
      collection: NoticeAcknowledgementCollection,
      permission: null,
      create: async ({ input, actor, at, tx }) => {
        await loadAgent(tx, actor.id);
        if (!(await tx.repository(NoticeCollection).find(input.noticeId))) {
          throw new NotFoundError('notice', input.noticeId);
        }
        const id = acknowledgementId(input.noticeId, actor.id);
        const existing = await tx.repository(NoticeAcknowledgementCollection).find(id);
        if (existing) return { existing };
        const session = await openSession(tx, actor.id);
        if (session?.data.unreadMandatoryNotices.includes(input.noticeId)) {
          const unread = session.data.unreadMandatoryNotices.filter((n) => n !== input.noticeId);
          await tx
            .repository(AgentSessionCollection)
            .update({ ...session.data, unreadMandatoryNotices: unread }, session.version);
        }
        const event = emit(
          NoticeAcknowledged,
          { entityType: 'notice', entityId: input.noticeId },
          { agentId: actor.id },
        );
        return { entity: { id, noticeId: input.noticeId, agentId: actor.id, at }, events: [event] };
      },
    },
    raw,
  );
}
