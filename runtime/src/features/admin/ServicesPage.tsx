import { useState, type FormEvent } from "react";
import { ErrorAlert, Loading, SuccessAlert } from "../../shared/Alert.tsx";
import { errorFor, Field } from "../../shared/Field.tsx";
import { useOrganisations } from "./list-organisations.ts";
import { useCreateOrganisation } from "./create-organisation.ts";
import { KIND_LABELS, type ManagedOrganisation, type OrganisationKind } from "./types.ts";

const CHILD: Partial<Record<OrganisationKind, OrganisationKind>> = {
  association: "service",
  service: "team",
};

/** The association, its services and their teams; a new service or team goes under one of them. */
export function ServicesPage() {
  const organisations = useOrganisations();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<ManagedOrganisation | null>(null);
  const byId = new Map((organisations.data ?? []).map((o) => [o.id, o]));

  return (
    <div className="admin-section">
      <div className="title-row">
        <h2>Services et équipes</h2>
        {!adding && (
          <button
            type="button"
            className="primary"
            onClick={() => (setAdding(true), setAdded(null))}
          >
            Créer un service ou une équipe
          </button>
        )}
      </div>
      {added && (
        <SuccessAlert>
          <p>
            {KIND_LABELS[added.kind]} « {added.name} » créé·e.
          </p>
        </SuccessAlert>
      )}
      {adding && organisations.data && (
        <ServiceForm
          parents={organisations.data.filter((o) => CHILD[o.kind])}
          onCancel={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setAdded(created);
            organisations.reload();
          }}
        />
      )}
      <ErrorAlert error={organisations.error} />
      {organisations.loading && <Loading what="des services" />}
      {organisations.data && (
        <div className="table-wrap">
          <table className="list">
            <caption className="sr-only">Organisations de l'association</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Niveau</th>
                <th scope="col">Rattachement</th>
                <th scope="col">Code</th>
              </tr>
            </thead>
            <tbody>
              {organisations.data.map((o) => (
                <tr key={o.id}>
                  <td data-label="Nom">
                    <strong>{o.name}</strong>
                  </td>
                  <td data-label="Niveau">{KIND_LABELS[o.kind]}</td>
                  <td data-label="Rattachement">
                    {(o.parent_id && byId.get(o.parent_id)?.name) || "—"}
                  </td>
                  <td data-label="Code">
                    <code>{o.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function ServiceForm({
  parents,
  onCreated,
  onCancel,
}: {
  parents: ManagedOrganisation[];
  onCreated: (o: ManagedOrganisation) => void;
  onCancel: () => void;
}) {
  const { run, pending, error } = useCreateOrganisation();
  const [parent, setParent] = useState(String(parents[0]?.id ?? ""));
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const fieldErrors = error?.fieldErrors ?? [];
  const parentKind = parents.find((p) => String(p.id) === parent)?.kind;
  const kind = parentKind ? CHILD[parentKind] : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!kind) return;
    const created = await run({
      kind,
      code: code.trim(),
      name: name.trim(),
      parent_id: Number(parent),
    });
    if (created) onCreated(created);
  }

  return (
    <form
      className="card form"
      onSubmit={submit}
      aria-label="Créer un service ou une équipe"
      noValidate
    >
      <h2>Nouveau service ou nouvelle équipe</h2>
      <ErrorAlert error={error} />
      <Field
        label="Rattachement"
        hint="Sous l'association : un service. Sous un service : une équipe."
        error={errorFor(fieldErrors, "parent_id") ?? errorFor(fieldErrors, "kind")}
      >
        <select value={parent} onChange={(e) => setParent(e.target.value)}>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {KIND_LABELS[p.kind]} · {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Nom"
        hint="Par exemple « Service de prévention Wattrelos »."
        error={errorFor(fieldErrors, "name")}
      >
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          maxLength={200}
        />
      </Field>
      <Field
        label="Code"
        hint="Minuscules sans accents, chiffres et « _ », par exemple avenir_jeunes_3. Il ne change plus ensuite."
        error={errorFor(fieldErrors, "code")}
      >
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          maxLength={64}
        />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={pending || !kind}>
          {pending ? "Création…" : kind === "team" ? "Créer l'équipe" : "Créer le service"}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
