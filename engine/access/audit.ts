import type { Knex } from "knex";

// Business events are data: every write records a row here, in the same
// transaction as the change. The table refuses updates and deletes.

export type AuditEvent = {
  action: string;
  organisationId?: number | null;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
};

export async function audit(
  trx: Knex | Knex.Transaction,
  actor: { userId: number | null; ip?: string } | null,
  event: AuditEvent,
): Promise<void> {
  await trx("audit_log").insert({
    actor_id: actor?.userId ?? null,
    ip: actor?.ip ?? null,
    organisation_id: event.organisationId ?? null,
    action: event.action,
    target_type: event.targetType ?? null,
    target_id: event.targetId === undefined ? null : String(event.targetId),
    details: JSON.stringify(event.details ?? {}),
  });
}
