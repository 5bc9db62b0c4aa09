import type { Filter, Measure, TableDefinition } from "./definition.ts";
import {
  DefinitionCodeError,
  requireQuestion,
  resolveDimension,
  type ResolveContext,
  type ResolvedDimension,
} from "./axis.ts";
import { joinSql, sql, type Fragment } from "./sql.ts";

// Compiles a table definition into ONE SQL statement over the JSONB answers
// of every published version of the grid. Result lines carry the keys k0…kn
// (row dimensions, then column dimensions), the measure, the number of
// records behind it, and which axes are totalled (gr, gc).
//
// Without a multi-valued dimension the statement is a single GROUPING SETS
// scan. A checkbox dimension repeats a record under each choice it ticks, so
// a total that leaves it out must not join it: grouping sets are split by the
// multi-valued dimensions they join, one GROUPING SETS scan per part, the
// parts glued by UNION ALL.

export type TableScopeFilter = { kind: "all" } | { kind: "branches"; prefixes: string[] };

export type CompileOptions = {
  gridId: number;
  scope: TableScopeFilter;
  period: { from?: string; to?: string };
};

export type CompiledTable = {
  query: Fragment;
  rows: ResolvedDimension[];
  columns: ResolvedDimension[];
  /** Which figure small-cell masking looks at: the measure itself, or the records behind it. */
  maskOn: "value" | "n";
  /** Whether percentages make sense (not for a mean). */
  additive: boolean;
  /** One dimension per axis over the same keys: both axes show the keys met on either. */
  alignAxes?: boolean;
  notes: string[];
};

export type ResultLine = Record<string, unknown> & {
  value: number | null;
  n: number;
  gr: number;
  gc: number;
};

const NUMBER_TYPES = ["number"];

function measureParts(
  measure: Measure,
  ctx: ResolveContext,
): { input: Fragment; aggregate: string; breakdown?: Fragment } {
  switch (measure.kind) {
    case "count":
      return { input: sql("null::int"), aggregate: "count(*)::float8" };
    case "count_distinct":
      if (ctx.gridSubject === "none") {
        throw new DefinitionCodeError(
          "measure",
          "Cette grille ne porte pas sur des personnes : comptez des fiches (« count »).",
        );
      }
      return { input: sql("r.subject_id"), aggregate: "count(distinct k.v)::float8" };
    case "sum":
    case "avg": {
      requireQuestion(
        ctx.versions,
        measure.question,
        "measure.question",
        NUMBER_TYPES,
        "une question numérique",
      );
      return {
        input: sql(
          "case when jsonb_typeof(r.data->?) = 'number' then (r.data->>?)::float8 end",
          measure.question,
          measure.question,
        ),
        aggregate:
          measure.kind === "sum"
            ? "coalesce(sum(k.v), 0)::float8"
            : "round(avg(k.v)::numeric, 2)::float8",
      };
    }
    case "breakdown_sum": {
      requireQuestion(
        ctx.versions,
        measure.question,
        "measure.question",
        ["matrixdropdown"],
        "un tableau de décompte",
      );
      return {
        input: sql("b.n"),
        aggregate: "coalesce(sum(k.v), 0)::float8",
        // Every numeric cell of the matrix, with its row and column codes.
        breakdown: sql(
          "cross join lateral (select rw.key as row_key, c.key as column_key, (c.value #>> '{}')::float8 as n " +
            "from jsonb_each(case when jsonb_typeof(r.data->?) = 'object' then r.data->? else '{}'::jsonb end) rw " +
            "cross join lateral jsonb_each(case when jsonb_typeof(rw.value) = 'object' then rw.value else '{}'::jsonb end) c " +
            "where jsonb_typeof(c.value) = 'number') b",
          measure.question,
          measure.question,
        ),
      };
    }
  }
}

function territoryFilter(
  filter: Extract<Filter, { territory: string }>,
  field: string,
  ctx: ResolveContext,
): Fragment {
  let commune: Fragment;
  if (filter.question) {
    requireQuestion(
      ctx.versions,
      filter.question,
      `${field}.question`,
      ["text", "dropdown"],
      "une commune (code INSEE)",
    );
    commune = sql("(r.data->>?)", filter.question);
  } else {
    if (ctx.gridSubject !== "youth") {
      throw new DefinitionCodeError(
        `${field}.question`,
        "Indiquez la question qui donne la commune : cette grille ne porte pas sur un jeune.",
      );
    }
    commune = sql("s.commune");
  }
  const t = ctx.territory;
  return filter.territory === "metropole"
    ? sql(
        `${commune.text} = any(?::text[])`,
        ...commune.bindings,
        `{${t.metropole.communes.join(",")}}`,
      )
    : sql(
        `left(${commune.text}, ?) = ?`,
        ...commune.bindings,
        t.departement.code.length,
        t.departement.code,
      );
}

function filterClause(filter: Filter, index: number, ctx: ResolveContext): Fragment {
  const field = `filters[${index}]`;
  if ("territory" in filter) return territoryFilter(filter, field, ctx);
  const h = requireQuestion(
    ctx.versions,
    filter.question,
    `${field}.question`,
    ["radiogroup", "dropdown", "rating", "checkbox", "tagbox", "boolean"],
    "une question à choix",
  );
  if (h.type === "boolean") {
    filter.values.forEach((value, i) => {
      if (value !== "oui" && value !== "non")
        throw new DefinitionCodeError(
          `${field}.values[${i}]`,
          "Une question oui / non se filtre sur « oui » ou « non ».",
        );
    });
    const json = filter.values.map((v) => (v === "oui" ? "true" : "false"));
    return sql("(r.data->>?) = any(?::text[])", filter.question, `{${json.join(",")}}`);
  }
  const known = new Set(h.choices.map((c) => c.value));
  filter.values.forEach((value, i) => {
    if (!known.has(value)) {
      throw new DefinitionCodeError(
        `${field}.values[${i}]`,
        `Le choix « ${value} » n'existe dans aucune version de la question « ${filter.question} ».`,
      );
    }
  });
  const values = `{${filter.values.join(",")}}`;
  return h.type === "checkbox" || h.type === "tagbox"
    ? sql(
        "jsonb_typeof(r.data->?) = 'array' and jsonb_exists_any(r.data->?, ?::text[])",
        filter.question,
        filter.question,
        values,
      )
    : sql("(r.data->>?) = any(?::text[])", filter.question, values);
}

/** Keeps the records of the scope's branches; `alias` names the responses row. */
export function scopeClause(alias: string, scope: TableScopeFilter): Fragment[] {
  if (scope.kind === "all") return [];
  if (scope.prefixes.length === 0) return [sql("false")];
  const likes = joinSql(
    scope.prefixes.map((p) => sql("path like ?", `${p}%`)),
    " or ",
  );
  return [
    sql(
      `${alias}.organisation_id in (select id from organisations where ${likes.text})`,
      ...likes.bindings,
    ),
  ];
}

function whereClause(def: TableDefinition, ctx: ResolveContext, options: CompileOptions): Fragment {
  const parts: Fragment[] = [
    sql("r.grid_id = ?", options.gridId),
    ...scopeClause("r", options.scope),
  ];
  if (options.period.from) parts.push(sql("r.occurred_on >= ?::date", options.period.from));
  if (options.period.to) parts.push(sql("r.occurred_on <= ?::date", options.period.to));
  (def.filters ?? []).forEach((filter, index) => parts.push(filterClause(filter, index, ctx)));
  return joinSql(parts, " and ");
}

export function compileTable(
  def: TableDefinition,
  ctx: ResolveContext,
  options: CompileOptions,
): CompiledTable {
  const rows = def.rows.map((dim, i) => resolveDimension(dim, ctx, `rows[${i}]`));
  const columns = def.columns.map((dim, i) => resolveDimension(dim, ctx, `columns[${i}]`));
  const dims = [...rows, ...columns];
  const measure = measureParts(def.measure, ctx);
  const where = whereClause(def, ctx, options);
  const whereReadsSubject = (def.filters ?? []).some((f) => "territory" in f && !f.question);
  const scan: Scan = { dims, measure, where, whereReadsSubject };

  const rowIdx = rows.map((_, i) => i);
  const colIdx = columns.map((_, i) => rows.length + i);
  const sets = uniqueSets([[...rowIdx, ...colIdx], rowIdx, colIdx, []]);
  const keyNames = dims.map((_, i) => `k${i}`);
  // Grouping sets that join the same multi-valued dimensions share one scan.
  const scans = new Map<string, number[][]>();
  for (const set of sets) {
    const joined = set.filter((i) => dims[i]!.lateral).join(",");
    scans.set(joined, [...(scans.get(joined) ?? []), set]);
  }
  const branches = [...scans.values()].map((group) => {
    const present = [...new Set(group.flat())].sort((a, b) => a - b);
    const youngPeopleFirst =
      def.measure.kind === "count_distinct" &&
      !whereReadsSubject &&
      present.every((i) => dims[i]!.reads !== "both");
    const inner = youngPeopleFirst
      ? distinctYoungPeopleThenSubject(scan, present)
      : keyedRecords(scan, present, def.measure.kind === "count_distinct");
    // gr / gc: non-zero when a line totals the row (column) axis.
    const totalled = (idx: number[]) => {
      if (idx.some((i) => !present.includes(i))) return "1";
      return idx.length ? `grouping(${idx.map((i) => `k${i}`).join(", ")})` : "0";
    };
    const groupingSets = group.map((set) => `(${set.map((i) => `k${i}`).join(", ")})`).join(", ");
    const select = [
      ...keyNames.map((k, i) => (present.includes(i) ? k : `null::text as ${k}`)),
      `${measure.aggregate} as value`,
      // Sums and means: the records that gave a value, the figure masking looks at.
      def.measure.kind === "sum" || def.measure.kind === "avg"
        ? "count(k.v)::int as n"
        : "count(*)::int as n",
      `${totalled(rowIdx)} as gr`,
      `${totalled(colIdx)} as gc`,
    ];
    return joinSql(
      [
        sql(`select ${select.join(", ")} from (`),
        inner,
        sql(`) k group by grouping sets (${groupingSets})`),
      ],
      "",
    );
  });
  const query = joinSql(branches, " union all ");

  const notes = dims.flatMap((d) => (d.note ? [d.note] : []));
  if (def.measure.kind === "count_distinct") {
    notes.push(
      "Chaque jeune compte une fois par case, même avec plusieurs fiches ; les totaux le comptent une fois.",
    );
  }
  return {
    query,
    rows,
    columns,
    maskOn: def.measure.kind === "sum" || def.measure.kind === "avg" ? "n" : "value",
    additive: def.measure.kind !== "avg",
    notes,
  };
}

/** What every scan of a table shares: its dimensions, measure and conditions. */
type Scan = {
  dims: ResolvedDimension[];
  measure: ReturnType<typeof measureParts>;
  where: Fragment;
  whereReadsSubject: boolean;
};

/** `k<i>` for each present dimension, byte-wise ("C": keys are codes, no locale needed). */
function keyColumns(scan: Scan, present: number[]): Fragment[] {
  return present.map((i) =>
    sql(`(${scan.dims[i]!.key.text}) collate "C" as k${i}`, ...scan.dims[i]!.key.bindings),
  );
}

/** One line per record (per ticked choice with a checkbox) with its keys and measure input `v`. */
function keyedRecords(scan: Scan, present: number[], distinct: boolean): Fragment {
  const { dims, measure } = scan;
  const joinsSubject = scan.whereReadsSubject || present.some((i) => dims[i]!.reads !== "record");
  // Distinct young people: duplicates (same keys, same person) go first, so the
  // distinct counts sort fewer lines. Not after a checkbox's join: the planner
  // expects 100 lines per record there and the extra step then cost more (bench).
  const joinsMulti = present.some((i) => dims[i]!.lateral);
  return joinSql(
    [
      sql(distinct && !joinsMulti ? "select distinct" : "select"),
      joinSql(
        [
          ...keyColumns(scan, present),
          sql(`${measure.input.text} as v`, ...measure.input.bindings),
        ],
        ", ",
      ),
      sql(`from responses r${joinsSubject ? " left join subjects s on s.id = r.subject_id" : ""}`),
      ...(measure.breakdown ? [measure.breakdown] : []),
      ...present.filter((i) => dims[i]!.lateral).map((i) => dims[i]!.lateral!),
      sql("where"),
      scan.where,
    ],
    " ",
  );
}

/**
 * Counting young people by keys of the record and keys of the young person:
 * the records are first reduced to distinct (record keys, young person) by
 * hashing, and only those lines join the young people for their own keys. On
 * a million records, four per young person (bench), « niveau de relation ×
 * sexe » went from 2.9 s to 1.9 s and « jeunes par territoire » from 2.6 s to
 * 0.8 s against joining every record.
 */
function distinctYoungPeopleThenSubject(scan: Scan, present: number[]): Fragment {
  const ofRecord = present.filter((i) => scan.dims[i]!.reads === "record");
  const ofSubject = present.filter((i) => scan.dims[i]!.reads === "subject");
  const recordLines = keyedRecords(scan, ofRecord, true);
  if (ofSubject.length === 0) return recordLines;
  return joinSql(
    [
      sql(`select ${[...ofRecord.map((i) => `d.k${i}`), "d.v"].join(", ")}, `),
      joinSql(keyColumns(scan, ofSubject), ", "),
      sql(" from ("),
      recordLines,
      sql(") d left join subjects s on s.id = d.v"),
    ],
    "",
  );
}

function uniqueSets(sets: number[][]): number[][] {
  const seen = new Set<string>();
  return sets.filter((set) => {
    const key = set.join(",");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
