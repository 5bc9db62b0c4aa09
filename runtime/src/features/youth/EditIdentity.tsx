import { useState, type FormEvent } from "react";
import { ErrorAlert } from "../../shared/Alert.tsx";
import { errorFor, Field } from "../../shared/Field.tsx";
import { monthName } from "../../shared/dates.ts";
import { CommuneField, type ChosenCommune } from "../../shared/subjects/CommuneField.tsx";
import { SEX_LABELS, type Sex, type Youth } from "../../shared/types.ts";
import { useUpdateYouth, type YouthIdentity } from "./update-youth.ts";

const SEXES = Object.keys(SEX_LABELS) as Sex[];

/** Corrects a young person's identity fields; the code does not change. */
export function EditIdentity(props: { youth: Youth; onSaved: () => void; onCancel: () => void }) {
  const { youth, onSaved, onCancel } = props;
  const { run, pending, error } = useUpdateYouth();
  const [firstName, setFirstName] = useState(youth.first_name ?? "");
  const [month, setMonth] = useState(youth.birth_month ? String(youth.birth_month) : "");
  const [year, setYear] = useState(youth.birth_year ? String(youth.birth_year) : "");
  const [sex, setSex] = useState<Sex | "">(youth.sex ?? "");
  const [commune, setCommune] = useState<ChosenCommune>(youth.commune);
  const [neighbourhood, setNeighbourhood] = useState(youth.neighbourhood ?? "");
  const fieldErrors = error?.fieldErrors ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const identity: YouthIdentity = {};
    if (firstName.trim()) identity.first_name = firstName.trim();
    if (month) identity.birth_month = Number(month);
    if (year) identity.birth_year = Number(year);
    if (sex) identity.sex = sex;
    if (commune) identity.commune = commune.code;
    if (neighbourhood.trim()) identity.neighbourhood = neighbourhood.trim();
    if (await run(youth.id, identity)) onSaved();
  }

  return (
    <form className="card form" onSubmit={submit} aria-label="Modifier l'identité" noValidate>
      <ErrorAlert error={error} />
      <Field
        label="Prénom ou initiales"
        hint="Jamais de nom de famille."
        error={errorFor(fieldErrors, "first_name")}
      >
        <input
          value={firstName}
          onChange={(e) => setFirstName(e.target.value)}
          autoComplete="off"
          maxLength={30}
        />
      </Field>
      <div className="field-row">
        <Field label="Mois de naissance" error={errorFor(fieldErrors, "birth_month")}>
          <select value={month} onChange={(e) => setMonth(e.target.value)}>
            <option value="">—</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {monthName(i + 1)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Année de naissance" error={errorFor(fieldErrors, "birth_year")}>
          <input
            type="number"
            inputMode="numeric"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="field">
        <legend>Sexe</legend>
        <div className="choices">
          {SEXES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="edit-sex"
                checked={sex === value}
                onChange={() => setSex(value)}
              />
              {SEX_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <CommuneField
        value={commune}
        onChange={setCommune}
        error={errorFor(fieldErrors, "commune")}
      />
      <Field
        label="Quartier (facultatif)"
        hint="Le nom du quartier, jamais une adresse."
        error={errorFor(fieldErrors, "neighbourhood")}
      >
        <input
          value={neighbourhood}
          onChange={(e) => setNeighbourhood(e.target.value)}
          autoComplete="off"
          maxLength={80}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
