import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";

export type ReportSummary = { code: string; title: string; description?: string; tables: string[] };

export function listReports(): Promise<ReportSummary[]> {
  return apiGet<ReportSummary[]>("/reports");
}

export function useReports() {
  return useApi("reports", listReports);
}
