import { formatBirth } from "../dates.ts";
import { SEX_LABELS, type Youth } from "../types.ts";

/** "J-0042 · Inès · fille · née en mars 2009": how a young person is named in lists. */
export function youthDetails(youth: Youth): string {
  const parts: string[] = [];
  if (youth.first_name) parts.push(youth.first_name);
  if (youth.sex) parts.push(SEX_LABELS[youth.sex].toLowerCase());
  if (youth.birth_year)
    parts.push(`naissance : ${formatBirth(youth.birth_year, youth.birth_month)}`);
  return parts.join(" · ");
}
