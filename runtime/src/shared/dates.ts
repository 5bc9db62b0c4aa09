import { FRENCH_MONTHS } from "../../../engine/response/dates.ts";

// Calendar dates travel as 'YYYY-MM-DD' strings and are never turned into
// Date objects, so no time zone can shift them by a day.

export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return "—";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

const MONTHS: readonly string[] = FRENCH_MONTHS;

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "mars 2009", "2009" or "—" from a young person's birth month and year. */
export function formatBirth(year: number | null, month: number | null): string {
  if (!year) return "—";
  return month ? `${monthName(month)} ${year}` : String(year);
}

/** The local calendar day of a server timestamp, for "added on" columns. */
export function formatDay(timestamp: string | null | undefined): string {
  if (!timestamp) return "—";
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleDateString("fr-FR");
}
