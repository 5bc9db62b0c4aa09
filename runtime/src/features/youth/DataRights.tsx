import { useState } from "react";
import { useNavigate } from "react-router";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { useAnonymiseYouth } from "./anonymise-youth.ts";
import { useEraseYouth } from "./erase-youth.ts";

type Step = "idle" | "anonymise" | "erase";

/**
 * The young person's rights over their data, for the service head and the
 * association admin: see everything stored, anonymise, erase. Each is audited.
 */
export function DataRights({
  youthId,
  code,
  onAnonymised,
}: {
  youthId: string;
  code: string;
  /** Called with a message to show: the file reloads, so this card's own state would be lost. */
  onAnonymised: (message: string) => void;
}) {
  const [step, setStep] = useState<Step>("idle");
  const anonymise = useAnonymiseYouth();
  const erase = useEraseYouth();
  const navigate = useNavigate();
  const exportUrl = `/api/subjects/${encodeURIComponent(youthId)}/export`;

  async function confirmAnonymise() {
    const result = await anonymise.run(youthId);
    if (!result) return;
    setStep("idle");
    onAnonymised(
      `Jeune anonymisé·e : ${result.values_removed} réponse(s) en texte libre effacée(s).`,
    );
  }

  async function confirmErase() {
    if (await erase.run(youthId)) navigate("/jeunes", { replace: true });
  }

  return (
    <section className="card data-rights" aria-labelledby="rights-title">
      <h2 id="rights-title">Données personnelles (RGPD)</h2>
      <p className="muted">
        À la demande du jeune ou de sa famille : consulter tout ce qui est enregistré, l'anonymiser
        ou l'effacer. Chaque action est inscrite au journal de l'association.
      </p>
      <ErrorAlert error={anonymise.error ?? erase.error} />
      <div className="actions">
        <a className="button" href={`${exportUrl}?format=html`} target="_blank" rel="noopener">
          Voir toutes ses données (page imprimable)
        </a>
        <a className="button" href={exportUrl} download>
          Télécharger ses données (JSON)
        </a>
        <button type="button" onClick={() => setStep("anonymise")} disabled={step !== "idle"}>
          Anonymiser…
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setStep("erase")}
          disabled={step !== "idle"}
        >
          Effacer…
        </button>
      </div>
      {step === "anonymise" && (
        <div className="confirm" role="group" aria-label="Confirmer l'anonymisation">
          <p>
            Le prénom, le mois de naissance, le quartier et toutes les réponses en texte libre de{" "}
            {code} seront effacés définitivement, y compris dans l'historique des fiches. Les
            réponses codées restent pour les statistiques.
          </p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={confirmAnonymise}
              disabled={anonymise.pending}
            >
              {anonymise.pending ? "Anonymisation…" : "Confirmer l'anonymisation"}
            </button>
            <button type="button" onClick={() => setStep("idle")}>
              Annuler
            </button>
          </div>
        </div>
      )}
      {step === "erase" && (
        <div className="confirm" role="group" aria-label="Confirmer l'effacement">
          <p>
            {code} et toutes ses fiches seront supprimés définitivement. Seul le journal garde la
            trace de l'effacement, sans son contenu.
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={confirmErase}
              disabled={erase.pending}
            >
              {erase.pending ? "Effacement…" : "Effacer définitivement"}
            </button>
            <button type="button" onClick={() => setStep("idle")}>
              Annuler
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
