// Shapes of the admin API answers (engine/access/user-admin.ts,
// organisation-admin.ts, audit-log.ts), field for field.

export type AdminRole = "educator" | "referent" | "service_head" | "association_admin";

export type ManagedUser = {
  id: number;
  email: string;
  display_name: string;
  disabled: boolean;
  must_change_password: boolean;
  created_at: string;
  roles: { role: string; label: string; organisation_id: number; organisation_name: string }[];
};

export type OrganisationKind = "federation" | "association" | "service" | "team";

export type ManagedOrganisation = {
  id: number;
  parent_id: number | null;
  kind: OrganisationKind;
  code: string;
  name: string;
};

export type AuditEntry = {
  id: number;
  at: string;
  actor_id: number | null;
  actor_email: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  details: Record<string, unknown>;
  ip: string | null;
};

export type AuditPage = { entries: AuditEntry[]; next_before: number | null };

export const KIND_LABELS: Record<OrganisationKind, string> = {
  federation: "Fédération",
  association: "Association",
  service: "Service",
  team: "Équipe",
};

/** Roles an association admin gives, with the kind of organisation each is held in. */
export const ASSIGNABLE_ROLES: { role: AdminRole; label: string; kinds: OrganisationKind[] }[] = [
  { role: "educator", label: "Éducateur·rice", kinds: ["service", "team"] },
  { role: "referent", label: "Référent·e BDC", kinds: ["service", "team"] },
  { role: "service_head", label: "Chef·fe de service", kinds: ["service", "team"] },
  { role: "association_admin", label: "Administrateur·rice d'association", kinds: ["association"] },
];
