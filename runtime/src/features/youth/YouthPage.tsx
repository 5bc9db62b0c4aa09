import { useState } from "react";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { formatBirth, formatDay } from "../../shared/dates.ts";
import { useYouthSearch } from "../../shared/subjects/search-youth.ts";
import { YouthForm } from "../../shared/subjects/YouthForm.tsx";
import { SEX_LABELS, type Youth } from "../../shared/types.ts";

export function YouthPage() {
  const [text, setText] = useState("");
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<Youth | null>(null);
  const { data, error, loading, reload } = useYouthSearch(text);

  function created(youth: Youth) {
    setAdded(youth);
    setAdding(false);
    reload();
  }

  return (
    <section aria-labelledby="youth-title">
      <div className="title-row">
        <h1 id="youth-title">Jeunes</h1>
        {!adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            Ajouter un jeune
          </button>
        )}
      </div>
      {added && (
        <SuccessAlert>
          <p>
            Jeune ajouté·e avec le code <strong>{added.code}</strong>.
          </p>
        </SuccessAlert>
      )}
      {adding && <YouthForm onCreated={created} onCancel={() => setAdding(false)} />}
      <div className="field">
        <label htmlFor="youth-filter">Rechercher par code ou prénom</label>
        <input id="youth-filter" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
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
                <th scope="col">Ajouté le</th>
              </tr>
            </thead>
            <tbody>
              {data.map((youth) => (
                <tr key={youth.id}>
                  <td data-label="Code">
                    <strong>{youth.code}</strong>
                  </td>
                  <td data-label="Prénom">{youth.first_name ?? "—"}</td>
                  <td data-label="Naissance">{formatBirth(youth.birth_year, youth.birth_month)}</td>
                  <td data-label="Sexe">{youth.sex ? SEX_LABELS[youth.sex] : "—"}</td>
                  <td data-label="Ajouté le">{formatDay(youth.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
