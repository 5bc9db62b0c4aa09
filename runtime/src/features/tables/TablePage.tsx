import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorAlert, Loading } from "../../shared/Alert.tsx";
import { useTable, type TablePeriod } from "./get-table.ts";
import { TableView } from "./TableView.tsx";
import { Downloads } from "./Downloads.tsx";
import { PeriodFields } from "./PeriodFields.tsx";
import { DeleteTable } from "./DeleteTable.tsx";
import { useTables } from "./list-tables.ts";

/** Loaded lazily by the router: it is the only page that pulls in the grid component. */
export default function TablePage({ canAuthor = false }: { canAuthor?: boolean }) {
  const { code } = useParams();
  // The list says whether the table was made in the app (it may then be deleted).
  const summary = useTables().data?.find((t) => t.code === code);
  const [period, setPeriod] = useState<TablePeriod>({});
  const { data, error, loading } = useTable(code, period);
  const back = <Link to="/tableaux">← Tous les tableaux</Link>;
  const missing = error?.status === 404 && !data;

  return (
    <section aria-labelledby="table-title">
      {back}
      <div className="title-row">
        <h1 id="table-title">{data?.title ?? (missing ? "Tableau introuvable" : "Tableau")}</h1>
        {code && data && !error && <Downloads code={code} period={period} />}
      </div>
      {data?.description && <p className="muted">{data.description}</p>}
      {!missing && (
        <PeriodFields
          period={period}
          onChange={setPeriod}
          wholeYears={data?.scope === "federation"}
        />
      )}
      {data?.scope === "federation" && (
        <p className="hint">
          Toutes les associations de la fédération ; les petits effectifs sont masqués.
        </p>
      )}
      <ErrorAlert error={error} details />
      {loading && !data && <Loading what="du tableau" />}
      {/* After a refused period, the previous result would read as the answer to it. */}
      {data && !error && <TableView table={data} />}
      {code && data && summary?.source === "app" && canAuthor && (
        <DeleteTable code={code} title={data.title} />
      )}
    </section>
  );
}
