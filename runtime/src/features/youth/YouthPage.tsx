import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { formatBirth } from "../../shared/dates.ts";
import { YouthForm } from "../../shared/subjects/YouthForm.tsx";
import { SEX_LABELS, type Youth } from "../../shared/types.ts";
import { NO_FILTERS, useYouthList, type YouthFilters as Filters } from "./list-youth.ts";
import { YouthFilters } from "./YouthFilters.tsx";

/** « Mes jeunes »: the service's young people, searched and filtered, and a way to add one. */
export function YouthPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [communeName, setCommuneName] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Youth | null>(null);
  const { data, error, loading, reload } = useYouthList(filters);
  const navigate = useNavigate();

  function created(youth: Youth) {
    setAdded(youth);
    setAdding(false);
    reload();
  }

  function filter(next: Filters, name?: string | null) {
    setFilters(next);
    if (name !== undefined) setCommuneName(name);
  }

  return (
    <section aria-labelledby="youth-title">
      <div className="title-row">
        <h1 id="youth-title">Mes jeunes</h1>
        {!adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Ajouter un jeune
          </button>
        )}
      </div>
      {added && (
        <SuccessAlert>
          <p>
            Jeune ajouté·e avec le code <strong>{added.code}</strong>.{" "}
            <Link to={`/jeunes/${added.id}`}>Ouvrir son dossier</Link>
          </p>
        </SuccessAlert>
      )}
      {adding && <YouthForm onCreated={created} onCancel={() => setAdding(false)} />}
      <YouthFilters filters={filters} communeName={communeName} onChange={filter} />
      <ErrorAlert error={error} />
      {loading && <Loading what="des jeunes" />}
      {data && data.length === 0 && <p>Aucun jeune ne correspond.</p>}
      {data && data.length > 0 && (
        <div className="table-wrap">
          <table className="list">
            <caption className="sr-only">Jeunes suivis par le service</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Prénom ou initiales</th>
                <th scope="col">Naissance</th>
                <th scope="col">Sexe</th>
                <th scope="col">Commune</th>
                <th scope="col">Accompagnement</th>
              </tr>
            </thead>
            <tbody>
              {data.map((youth) => (
                <tr
                  key={youth.id}
                  className="clickable"
                  onClick={() => navigate(`/jeunes/${youth.id}`)}
                >
                  <td data-label="Code">
                    <Link to={`/jeunes/${youth.id}`} onClick={(e) => e.stopPropagation()}>
                      <strong>{youth.code}</strong>
                    </Link>
                  </td>
                  <td data-label="Prénom">{youth.first_name ?? "—"}</td>
                  <td data-label="Naissance">{formatBirth(youth.birth_year, youth.birth_month)}</td>
                  <td data-label="Sexe">{youth.sex ? SEX_LABELS[youth.sex] : "—"}</td>
                  <td data-label="Commune">
                    {youth.commune?.name ?? "—"}
                    {youth.neighbourhood ? (
                      <span className="muted"> · {youth.neighbourhood}</span>
                    ) : null}
                  </td>
                  <td data-label="Accompagnement">
                    {youth.active_accompaniment ? "En cours" : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
