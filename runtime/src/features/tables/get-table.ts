import { apiGet } from "../../shared/api.ts";
import { useApi } from "../../shared/use-api.ts";
import type { ComputedTable } from "./types.ts";

export type TablePeriod = { from?: string; to?: string };

function query(period: TablePeriod): string {
  const params = new URLSearchParams();
  if (period.from) params.set("from", period.from);
  if (period.to) params.set("to", period.to);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function getTable(code: string, period: TablePeriod = {}): Promise<ComputedTable> {
  return apiGet<ComputedTable>(`/tables/${encodeURIComponent(code)}${query(period)}`);
}

export function useTable(code: string | undefined, period: TablePeriod = {}) {
  return useApi(code ? `table:${code}${query(period)}` : null, () => getTable(code ?? "", period));
}

/** Download addresses, with the same period as the table shown. */
export function downloadUrl(
  code: string,
  format: "xlsx" | "csv",
  period: TablePeriod,
  separator?: "comma",
): string {
  const params = new URLSearchParams(query(period).slice(1));
  if (separator) params.set("separator", separator);
  const text = params.toString();
  return `/api/tables/${encodeURIComponent(code)}.${format}${text ? `?${text}` : ""}`;
}
