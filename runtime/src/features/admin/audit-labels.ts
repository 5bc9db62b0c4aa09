import type { AuditEntry } from "./types.ts";

// What each audited action means, for the journal. An action missing here
// shows its code, so a new one is visible before it gets its words.

const ACTION_LABELS: Record<string, string> = {
  "session.login": "Connexion",
  "session.login_failed": "Échec de connexion",
  "session.logout": "Déconnexion",
  "user.create": "Compte créé",
  "user.update": "Compte modifié",
  "user.password.reset": "Mot de passe réinitialisé",
  "user.password.change": "Mot de passe changé",
  "user.password.change_failed": "Échec de changement de mot de passe",
  "organisation.create": "Service ou équipe créé",
  "subject.create": "Jeune ajouté",
  "subject.export": "Données d'un jeune exportées",
  "subject.anonymise": "Jeune anonymisé",
  "subject.delete": "Jeune effacé",
  "response.create": "Fiche enregistrée",
  "response.update": "Fiche modifiée",
  "table.export": "Tableau exporté",
  "table.definition.create": "Tableau créé",
  "table.definition.delete": "Tableau supprimé",
  "table.definition.renamed": "Tableau renommé (code repris par une version livrée)",
  "report.export": "Rapport exporté",
  "responses.export": "Fiches exportées",
  "response.migrate": "Fiche passée à la nouvelle version",
  "subject.update": "Jeune modifié",
  "subject.link.add": "Jeune ajouté à une famille ou une action",
  "subject.link.remove": "Jeune retiré d'une famille ou d'une action",
  "grid.create": "Grille créée",
  "grid.draft.create": "Brouillon de grille créé",
  "grid.draft.save": "Brouillon de grille enregistré",
  "grid.export": "Grille exportée",
  "grid.proposal.create": "Proposition de champ faite",
  "grid.proposal.comment": "Proposition commentée",
  "grid.proposal.accept": "Proposition acceptée",
  "grid.proposal.reject": "Proposition refusée",
  "grid.version.publish": "Version de grille publiée",
  "retention.run": "Durée de conservation appliquée",
  "demo.seed": "Démonstration créée",
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

const TARGET_LABELS: Record<string, string> = {
  user: "compte",
  subject: "jeune",
  response: "fiche",
  organisation: "organisation",
  table: "tableau",
};

/** A short description of what the action was about. */
export function targetLabel(entry: AuditEntry): string {
  const details = entry.details ?? {};
  if (typeof details.email === "string") return details.email;
  if (entry.action === "subject.create" && typeof details.code === "string")
    return `jeune ${details.code}`;
  if (entry.action === "organisation.create" && typeof details.name === "string")
    return details.name;
  if (!entry.target_type) return "—";
  const what = TARGET_LABELS[entry.target_type] ?? entry.target_type;
  if (entry.target_label) return `${what} ${entry.target_label}`;
  // A table deleted since: the title its rows recorded.
  if (typeof details.title === "string") return `${what} ${details.title}`;
  const id = entry.target_id ?? "";
  return `${what} ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`.trim();
}

export function formatMoment(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return date.toLocaleString("fr-FR", { dateStyle: "short", timeStyle: "short" });
}
