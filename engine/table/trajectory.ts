import { questionHistory, type PublishedVersion } from "./labels.ts";
import {
  DefinitionCodeError,
  NOT_ANSWERED,
  NOT_ANSWERED_LABEL,
  NOT_ASKED,
  NOT_ASKED_LABEL,
  type ResolvedDimension,
} from "./axis.ts";
import {
  DOMAINS_QUESTION,
  ENTRY_MOMENT,
  MOMENT_FIELD,
  NO_DOMAIN,
  type SituationMoment,
  type TransitionDimension,
  type TransitionTableDefinition,
} from "./trajectory-definition.ts";
import { scopeClause, type CompiledTable, type CompileOptions } from "./compile.ts";
import { joinSql, sql, type Fragment } from "./sql.ts";

// Transition tables ("tableaux de parcours"): young people counted once each,
// by their situation at entry and their latest situation (from the situation
// grid), optionally crossed with the domains worked on in their
// accompaniments. They compile to the same result lines as every other table
// (keys k0…kn, value, n, gr, gc), so shaping, masking, exports and reports
// treat them alike.
//
// Entry is the first situation record whose `moment` is "entree", else the
// first record; latest is the last record (by date, then time of entry).
// With a period, only records up to its end count, and a young person counts
// when one of their situation records falls in it.
// NOTE: subject/file.ts (situationComparison) applies the same rule to one file.

const SINGLE_CHOICE_TYPES = ["radiogroup", "dropdown"];

/** The two grids a transition table reads. */
export type TransitionContext = {
  situation: { gridId: number; versions: PublishedVersion[] };
  accompaniment: { gridId: number; versions: PublishedVersion[] };
};

/** A situation value the per-young-person row must carry: column `s<i>`. */
type SituationColumn = { question: string; moment: SituationMoment; versionIds: number[] };

const MOMENT_TITLES: Record<SituationMoment, string> = {
  entry: "à l'entrée",
  latest: "dernière situation",
};

function resolveTransitionDimension(
  dim: TransitionDimension,
  field: string,
  ctx: TransitionContext,
  columns: SituationColumn[],
): ResolvedDimension {
  if (dim.kind === "accompaniment_domain") {
    const history = questionHistory(ctx.accompaniment.versions, DOMAINS_QUESTION);
    return {
      title: "Domaines d'accompagnement",
      key: sql("coalesce(dom.domain, ?)", NO_DOMAIN),
      headers: [
        ...(history?.choices ?? []).map((c) => ({ key: c.value, label: c.label })),
        { key: NO_DOMAIN, label: "Sans domaine d'accompagnement" },
      ],
      // A path table shows the situations and domains met only: twenty choices
      // squared would bury the few cells that hold young people.
      optional: new Set([...(history?.choices ?? []).map((c) => c.value), NO_DOMAIN]),
      labelOf: (key) => key,
      reads: "record",
      note: "Un jeune compte sous chacun des domaines travaillés dans ses accompagnements.",
    };
  }
  const history = questionHistory(ctx.situation.versions, dim.question);
  if (!history) {
    throw new DefinitionCodeError(
      `${field}.question`,
      `La question « ${dim.question} » n'existe dans aucune version publiée de la grille.`,
    );
  }
  if (!SINGLE_CHOICE_TYPES.includes(history.type)) {
    throw new DefinitionCodeError(
      `${field}.question`,
      `La question « ${dim.question} » n'est pas à choix unique : elle ne peut pas servir de situation.`,
    );
  }
  let index = columns.findIndex((c) => c.question === dim.question && c.moment === dim.moment);
  if (index < 0) {
    index = columns.length;
    columns.push({ question: dim.question, moment: dim.moment, versionIds: history.versionIds });
  }
  return {
    title: `${history.label} (${MOMENT_TITLES[dim.moment]})`,
    key: sql(`p.s${index}`),
    headers: [
      ...history.choices.map((c) => ({ key: c.value, label: c.label })),
      { key: NOT_ANSWERED, label: NOT_ANSWERED_LABEL },
      { key: NOT_ASKED, label: NOT_ASKED_LABEL },
    ],
    optional: new Set([NOT_ANSWERED, NOT_ASKED, ...history.choices.map((c) => c.value)]),
    labelOf: (key) => key,
    reads: "record",
  };
}

/**
 * `s<i>`: the answer of the young person's entry (or latest) record; "non
 * demandé" when that record's version lacked the question.
 */
function situationColumn(column: SituationColumn, index: number): Fragment {
  const rank = column.moment === "entry" ? "sr.entry_rank" : "sr.latest_rank";
  return sql(
    `max(case when ${rank} = 1 then (case when sr.grid_version_id = any(?::int[]) ` +
      `then coalesce(nullif(sr.data->>?, ''), ?) else ? end) end) as s${index}`,
    `{${column.versionIds.join(",")}}`,
    column.question,
    NOT_ANSWERED,
    NOT_ASKED,
  );
}

export function compileTransition(
  def: TransitionTableDefinition,
  ctx: TransitionContext,
  options: Omit<CompileOptions, "gridId">,
): CompiledTable {
  const situationColumns: SituationColumn[] = [];
  const resolve = (axis: "rows" | "columns") =>
    def[axis].map((dim, i) =>
      resolveTransitionDimension(dim, `${axis}[${i}]`, ctx, situationColumns),
    );
  const rows = resolve("rows");
  const columns = resolve("columns");
  const dims = [...rows, ...columns];
  const { from, to } = options.period;

  // 1. Each young person's situation records (up to the end of the period), ranked.
  const rankedWhere = [
    sql("r.grid_id = ?", ctx.situation.gridId),
    sql("r.subject_id is not null"),
    ...(to ? [sql("r.occurred_on <= ?::date", to)] : []),
    ...scopeClause("r", options.scope),
  ];
  const ranked = joinSql(
    [
      sql(
        "select r.subject_id, r.grid_version_id, r.data, r.occurred_on, " +
          "row_number() over (partition by r.subject_id order by " +
          "case when r.data->>? = ? then 0 else 1 end, r.occurred_on, r.created_at, r.id) as entry_rank, " +
          "row_number() over (partition by r.subject_id " +
          "order by r.occurred_on desc, r.created_at desc, r.id desc) as latest_rank " +
          "from responses r where",
        MOMENT_FIELD,
        ENTRY_MOMENT,
      ),
      joinSql(rankedWhere, " and "),
    ],
    " ",
  );

  // 2. One row per young person, with the situations the dimensions need.
  const perYouth = joinSql(
    [sql("select sr.subject_id"), ...situationColumns.map(situationColumn)],
    ", ",
  );
  const perYouthSql = joinSql(
    [
      perYouth,
      sql(" from ("),
      ranked,
      sql(") sr group by sr.subject_id"),
      ...(from ? [sql(" having max(sr.occurred_on) >= ?::date", from)] : []),
    ],
    "",
  );

  // 3. Crossed with the domains of their accompaniments, when asked: a young
  // person counts once in each domain (multiple counting, stated in a note).
  let domains: Fragment | null = null;
  const needsDomains = [...def.rows, ...def.columns].some((d) => d.kind === "accompaniment_domain");
  if (needsDomains) {
    const where = [
      sql("a.grid_id = ?", ctx.accompaniment.gridId),
      sql("a.subject_id is not null"),
      ...(to ? [sql("a.occurred_on <= ?::date", to)] : []),
      ...scopeClause("a", options.scope),
    ];
    domains = joinSql(
      [
        sql(
          " left join (select distinct a.subject_id, d.value as domain from responses a " +
            "cross join lateral jsonb_array_elements_text(case when jsonb_typeof(a.data->?) = 'array' " +
            "then a.data->? else '[]'::jsonb end) as d(value) where",
          DOMAINS_QUESTION,
          DOMAINS_QUESTION,
        ),
        joinSql(where, " and "),
        sql(") dom on dom.subject_id = p.subject_id"),
      ],
      " ",
    );
  }

  const keys = joinSql(
    dims.map((d, i) => sql(`(${d.key.text}) collate "C" as k${i}`, ...d.key.bindings)),
    ", ",
  );
  const keyed = joinSql(
    [
      sql("select p.subject_id as v, "),
      keys,
      sql(" from ("),
      perYouthSql,
      sql(") p"),
      ...(domains ? [domains] : []),
    ],
    "",
  );

  const rowIdx = rows.map((_, i) => i);
  const colIdx = columns.map((_, i) => rows.length + i);
  const names = (idx: number[]) => idx.map((i) => `k${i}`).join(", ");
  const grouping = (idx: number[]) => (idx.length ? `grouping(${names(idx)})` : "0");
  const sets = [...new Set([names([...rowIdx, ...colIdx]), names(rowIdx), names(colIdx), ""])];
  const query = joinSql(
    [
      sql(
        `select ${dims.map((_, i) => `k${i}`).join(", ")}, count(distinct k.v)::float8 as value, ` +
          `count(*)::int as n, ${grouping(rowIdx)} as gr, ${grouping(colIdx)} as gc from (`,
      ),
      keyed,
      sql(`) k group by grouping sets (${sets.map((s) => `(${s})`).join(", ")})`),
    ],
    "",
  );

  const notes = dims.flatMap((d) => (d.note ? [d.note] : []));
  notes.push(
    "Chaque jeune compte une fois : situation à l'entrée (fiche « entrée », sinon la première) et dernière situation connue" +
      (to ? " à la fin de la période" : "") +
      (from ? ", pour les jeunes dont la situation a été notée sur la période." : "."),
  );
  const [row] = def.rows;
  const [column] = def.columns;
  const alignAxes =
    def.rows.length === 1 &&
    def.columns.length === 1 &&
    row?.kind === "situation_at" &&
    column?.kind === "situation_at" &&
    row.question === column.question;
  return { query, rows, columns, maskOn: "value", additive: true, alignAxes, notes };
}
