// The one catalogue of errors the API returns. Each has a stable code, an HTTP
// status, typed details and a French sentence built from them; API clients
// read `code` and `details`, people read `message`.

export type FieldError = { field: string; message: string };

type Catalogue = {
  unauthenticated: Record<string, never>;
  bad_credentials: Record<string, never>;
  account_locked: { minutes: number };
  too_many_attempts: { seconds: number };
  csrf_missing: Record<string, never>;
  forbidden: Record<string, never>;
  password_change_required: Record<string, never>;
  not_found: { what: string };
  invalid_request: { errors: FieldError[] };
  invalid_response: { errors: FieldError[] };
  stale_revision: { current: number; sent: number; changes?: unknown[] };
  id_conflict: Record<string, never>;
  payload_too_large: Record<string, never>;
  malformed_json: Record<string, never>;
  lint_failed: { findings: { path: string; code: string; message: string; question?: string }[] };
  incompatible_version: {
    breaks: { rule: string; code: string; choice?: string; version: number; message: string }[];
  };
  grid_exists: { code: string };
  proposal_closed: { status: string };
  proposal_conflict: { codes: string[]; proposal: unknown[]; draft: unknown[] };
  internal: Record<string, never>;
};

export type ErrorCode = keyof Catalogue;

const statuses: Record<ErrorCode, number> = {
  unauthenticated: 401,
  bad_credentials: 401,
  account_locked: 423,
  too_many_attempts: 429,
  csrf_missing: 403,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  invalid_request: 400,
  invalid_response: 400,
  stale_revision: 409,
  id_conflict: 409,
  payload_too_large: 413,
  malformed_json: 400,
  lint_failed: 422,
  incompatible_version: 422,
  grid_exists: 409,
  proposal_closed: 409,
  proposal_conflict: 409,
  internal: 500,
};

const messages: { [C in ErrorCode]: (details: Catalogue[C]) => string } = {
  unauthenticated: () => "Vous n'êtes pas connecté·e ou votre session a expiré. Reconnectez-vous.",
  bad_credentials: () => "Adresse e-mail ou mot de passe incorrect.",
  account_locked: (d) =>
    `Trop d'essais de mot de passe : le compte est bloqué pendant ${d.minutes} minutes.`,
  too_many_attempts: (d) =>
    `Trop de tentatives pour ce compte ou depuis cette adresse. Réessayez dans ${waitText(d.seconds)}.`,
  csrf_missing: () =>
    "La demande n'a pas pu être vérifiée (jeton de sécurité absent). Rechargez la page.",
  forbidden: () => "Vous n'avez pas les droits nécessaires pour cette action.",
  password_change_required: () =>
    "Votre mot de passe est provisoire : choisissez-en un nouveau avant de continuer.",
  not_found: (d) => `${d.what} est introuvable.`,
  invalid_request: (d) => summarise("Vérifiez ce qui a été saisi", d.errors),
  invalid_response: (d) => summarise("Les réponses ne peuvent pas être enregistrées", d.errors),
  stale_revision: (d) =>
    d.changes
      ? "Ce brouillon a été enregistré par quelqu'un d'autre depuis que vous l'avez ouvert. " +
        "Voyez ses changements, puis reprenez les vôtres sur la dernière version."
      : "Cette fiche a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte. " +
        "Rechargez-la pour voir la dernière version avant de la modifier.",
  id_conflict: () => "Cet identifiant est déjà utilisé par un autre enregistrement.",
  payload_too_large: () => "La demande est trop volumineuse.",
  malformed_json: () => "Le corps de la demande n'est pas du JSON valide.",
  lint_failed: (d) => `La grille comporte ${d.findings.length} erreur(s) à corriger.`,
  incompatible_version: (d) =>
    `Cette version ne peut pas être publiée : ${d.breaks.length} règle(s) de compatibilité ` +
    "avec les versions déjà publiées ne sont pas respectées.",
  grid_exists: (d) => `Une grille porte déjà le code « ${d.code} » : choisissez-en un autre.`,
  proposal_closed: (d) =>
    `Cette proposition a déjà été ${d.status === "accepted" ? "acceptée" : "refusée"} : la décision est définitive.`,
  proposal_conflict: (d) =>
    `Le brouillon a changé depuis cette proposition sur les mêmes questions (${d.codes.join(", ")}). ` +
    "Rien n'a été appliqué : reportez la proposition à la main dans le brouillon.",
  internal: () => "Une erreur inattendue est survenue. Réessayez ; si elle persiste, signalez-la.",
};

function summarise(intro: string, errors: FieldError[]): string {
  const plural = errors.length > 1 ? "s" : "";
  return `${intro} : ${errors.length} champ${plural} à corriger.`;
}

export class ApiError<C extends ErrorCode = ErrorCode> extends Error {
  readonly status: number;
  constructor(
    readonly code: C,
    readonly details: Catalogue[C],
  ) {
    super(messages[code](details));
    this.status = statuses[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, details: this.details } };
  }
}

export function apiError<C extends ErrorCode>(
  code: C,
  ...details: Catalogue[C] extends Record<string, never> ? [] : [Catalogue[C]]
): ApiError<C> {
  return new ApiError(code, (details[0] ?? {}) as Catalogue[C]);
}

export function notFound(what: string): ApiError<"not_found"> {
  return new ApiError("not_found", { what });
}

/** « 15 minutes », « 1 minute », « 40 secondes »: a wait as people say it. */
function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}
