import { apiGet, query } from "../../shared/api.ts";
import type { AuditPage } from "./types.ts";

export const AUDIT_PAGE_SIZE = 50;

/** One page of the journal, newest first; `before` is the last id already shown. */
export function listAudit(before?: number): Promise<AuditPage> {
  return apiGet<AuditPage>(
    `/audit${query({ limit: String(AUDIT_PAGE_SIZE), before: before ? String(before) : undefined })}`,
  );
}
