// The roles a user can hold in one organisation, with the labels the UI shows.
export const ROLES = [
  "educator",
  "referent",
  "service_head",
  "association_admin",
  "copil",
  "analyst",
  "platform_admin",
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  educator: "éducateur·rice",
  referent: "référent·e BDC",
  service_head: "chef·fe de service",
  association_admin: "administrateur·rice d'association",
  copil: "membre du COPIL",
  analyst: "chargé·e d'études",
  platform_admin: "administrateur·rice de la plateforme",
};

/** Roles that read the records (responses, young people) of their organisation's branch. */
export const RECORD_READER_ROLES: readonly Role[] = [
  "educator",
  "referent",
  "service_head",
  "association_admin",
];

/** Roles that fill grids, and so create records, in their service. */
export const RECORD_WRITER_ROLES: readonly Role[] = ["educator", "referent", "service_head"];
