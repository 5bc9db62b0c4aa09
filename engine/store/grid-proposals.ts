import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { applyProposal } from "../grid/apply-proposal.ts";
import { diffSurveys, type GridChange } from "../grid/diff.ts";
import type { SurveyJson } from "../grid/types.ts";
import { ensureDraft, findGrid, lintDraft, requireDraft } from "./grid-drafts.ts";
import type { VersionRef } from "./grid-history.ts";

// Referents' proposals: a full proposed definition, the definition it was
// based on and the diff between them, with a rationale and a discussion.
// The COPIL accepts (the change goes into the draft) or rejects (with a
// reason). Every proposal, comment and decision is kept.

export type ProposalComment = { id: number; author: string; body: string; createdAt: string };

export type Proposal = {
  id: number;
  grid: string;
  gridTitle: string;
  base: VersionRef;
  baseRevision: number | null;
  rationale: string;
  status: "open" | "accepted" | "rejected";
  author: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  appliedRevision: number | null;
  changes: GridChange[];
  comments: ProposalComment[];
};

export type ProposalDetail = Proposal & { baseSurvey: SurveyJson; proposedSurvey: SurveyJson };

type Db = Knex | Knex.Transaction;

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : value;
}

function invalid(field: string, message: string): ApiError {
  return new ApiError("invalid_request", { errors: [{ field, message }] });
}

function proposalQuery(db: Db) {
  return db("grid_proposals as p")
    .join("grids as g", "g.id", "p.grid_id")
    .join("grid_versions as b", "b.id", "p.base_version_id")
    .join("users as a", "a.id", "p.author_id")
    .leftJoin("users as d", "d.id", "p.decided_by")
    .select(
      "p.*",
      "g.code as grid_code",
      "g.title as grid_title",
      "b.number as base_number",
      "a.display_name as author_name",
      "d.display_name as decider_name",
    );
}

function toProposal(row: Record<string, any>, comments: ProposalComment[]): ProposalDetail {
  return {
    id: row.id,
    grid: row.grid_code,
    gridTitle: row.grid_title,
    // A base that was the draft then may have been published since: base_revision says it was a draft.
    base: row.base_revision !== null ? "draft" : row.base_number,
    baseRevision: row.base_revision,
    rationale: row.rationale,
    status: row.status,
    author: row.author_name,
    createdAt: iso(row.created_at)!,
    decidedBy: row.decider_name ?? null,
    decidedAt: iso(row.decided_at),
    decisionReason: row.decision_reason,
    appliedRevision: row.applied_revision,
    changes: row.diff,
    comments,
    baseSurvey: row.base_survey,
    proposedSurvey: row.proposed_survey,
  };
}

async function commentsOf(db: Db, ids: number[]): Promise<Map<number, ProposalComment[]>> {
  const rows =
    ids.length === 0
      ? []
      : await db("grid_proposal_comments as c")
          .join("users as u", "u.id", "c.author_id")
          .whereIn("c.proposal_id", ids)
          .orderBy("c.id")
          .select("c.id", "c.proposal_id", "c.body", "c.created_at", "u.display_name");
  const out = new Map<number, ProposalComment[]>();
  for (const row of rows) {
    const list = out.get(row.proposal_id) ?? [];
    list.push({
      id: row.id,
      author: row.display_name,
      body: row.body,
      createdAt: iso(row.created_at)!,
    });
    out.set(row.proposal_id, list);
  }
  return out;
}

export async function listProposals(
  db: Knex,
  filter: { grid?: string; status?: string },
): Promise<Proposal[]> {
  const query = proposalQuery(db).orderBy("p.id", "desc");
  if (filter.grid) query.andWhere("g.code", filter.grid);
  if (filter.status) query.andWhere("p.status", filter.status);
  const rows = await query;
  const comments = await commentsOf(
    db,
    rows.map((r: { id: number }) => r.id),
  );
  return rows.map((row: Record<string, any>) => {
    const {
      baseSurvey: _b,
      proposedSurvey: _p,
      ...summary
    } = toProposal(row, comments.get(row.id) ?? []);
    return summary;
  });
}

export async function findProposal(db: Db, id: unknown): Promise<ProposalDetail> {
  const number = Number(id);
  if (!Number.isInteger(number) || number < 1) throw notFound("La proposition");
  const row = await proposalQuery(db).where("p.id", number).first();
  if (!row) throw notFound("La proposition");
  return toProposal(row, (await commentsOf(db, [number])).get(number) ?? []);
}

/** The proposed full definition, based on a published version (the newest by default) or the draft. */
export async function createProposal(
  db: Knex,
  caller: Caller,
  code: string,
  input: { survey: unknown; rationale: unknown; base?: VersionRef },
): Promise<ProposalDetail> {
  if (typeof input.rationale !== "string" || input.rationale.trim() === "") {
    throw invalid("rationale", "Expliquez pourquoi ce changement est utile aux équipes.");
  }
  if (input.survey === null || typeof input.survey !== "object" || Array.isArray(input.survey)) {
    throw invalid("survey", "Envoyez la grille proposée entière (« survey »).");
  }
  const grid = await findGrid(db, code);
  const proposed = { ...(input.survey as SurveyJson), locale: "fr" };
  const findings = lintDraft(grid, proposed).filter((f) => f.severity === "error");
  if (findings.length > 0) {
    throw new ApiError("lint_failed", {
      findings: findings.map(({ path, code: c, message, question }) => ({
        path,
        code: c,
        message,
        question,
      })),
    });
  }

  const base = await baseOf(db, grid.id, code, input.base);
  const changes = diffSurveys(base.survey, proposed);
  if (changes.length === 0)
    throw invalid(
      "survey",
      "La grille proposée est identique à sa version de départ : rien à proposer.",
    );

  const id = await db.transaction(async (trx) => {
    const [row] = await trx("grid_proposals")
      .insert({
        grid_id: grid.id,
        base_version_id: base.versionId,
        base_revision: base.revision,
        base_survey: JSON.stringify(base.survey),
        proposed_survey: JSON.stringify(proposed),
        diff: JSON.stringify(changes),
        rationale: input.rationale as string,
        author_id: caller.userId,
      })
      .returning("id");
    await audit(trx, caller, {
      action: "grid.proposal.create",
      targetType: "grid_proposal",
      targetId: row.id,
      details: { grid: code, changes: changes.length },
    });
    return row.id as number;
  });
  return findProposal(db, id);
}

async function baseOf(db: Knex, gridId: number, code: string, ref: VersionRef | undefined) {
  const query = db("grid_versions").where({ grid_id: gridId });
  if (ref === "draft") query.andWhere({ status: "draft" });
  else if (ref === undefined) query.andWhere({ status: "published" }).orderBy("number", "desc");
  else query.andWhere({ status: "published", number: ref });
  const row = await query.first("id", "status", "revision", "survey");
  if (!row)
    throw notFound(
      ref === "draft" ? `Le brouillon de « ${code} »` : `La version de départ de « ${code} »`,
    );
  return {
    versionId: row.id as number,
    revision: row.status === "draft" ? (row.revision as number) : null,
    survey: row.survey as SurveyJson,
  };
}

export async function addComment(
  db: Knex,
  caller: Caller,
  id: unknown,
  input: { body: unknown },
): Promise<ProposalDetail> {
  if (typeof input.body !== "string" || input.body.trim() === "")
    throw invalid("body", "Écrivez votre commentaire.");
  const proposal = await findProposal(db, id);
  await db.transaction(async (trx) => {
    await trx("grid_proposal_comments").insert({
      proposal_id: proposal.id,
      author_id: caller.userId,
      body: (input.body as string).trim(),
    });
    await audit(trx, caller, {
      action: "grid.proposal.comment",
      targetType: "grid_proposal",
      targetId: proposal.id,
    });
  });
  return findProposal(db, proposal.id);
}

function requireOpen(proposal: Proposal): void {
  if (proposal.status !== "open")
    throw new ApiError("proposal_closed", { status: proposal.status });
}

/**
 * Applies the proposal's changes to the draft (made from the newest published
 * version when there is none). When the draft changed the same questions since
 * the proposal's base, 409 with both sides' changes and nothing applied.
 */
export async function acceptProposal(
  db: Knex,
  caller: Caller,
  id: unknown,
): Promise<ProposalDetail> {
  const proposal = await findProposal(db, id);
  requireOpen(proposal);
  await ensureDraft(db, caller, proposal.grid);
  const grid = await findGrid(db, proposal.grid);

  await db.transaction(async (trx) => {
    const draft = await trx("grid_versions")
      .where({ grid_id: grid.id, status: "draft" })
      .first("id", "revision", "survey");
    const result = applyProposal(proposal.baseSurvey, proposal.proposedSurvey, draft.survey);
    if (!result.ok) {
      throw new ApiError("proposal_conflict", {
        codes: result.codes,
        proposal: result.proposal,
        draft: result.draft,
      });
    }
    const findings = lintDraft(grid, result.survey).filter((f) => f.severity === "error");
    if (findings.length > 0) {
      throw new ApiError("lint_failed", {
        findings: findings.map(({ path, code, message, question }) => ({
          path,
          code,
          message,
          question,
        })),
      });
    }
    const revision = draft.revision + 1;
    const updated = await trx("grid_versions")
      .where({ id: draft.id, status: "draft", revision: draft.revision })
      .update({
        survey: JSON.stringify(result.survey),
        revision,
        author_id: caller.userId,
        updated_at: trx.fn.now(),
      })
      .returning("id");
    if (updated.length === 0)
      throw new ApiError("stale_revision", { current: revision, sent: draft.revision });
    await trx("grid_draft_revisions").insert({
      version_id: draft.id,
      revision,
      survey: JSON.stringify(result.survey),
      author_id: caller.userId,
    });
    const closed = await trx("grid_proposals")
      .where({ id: proposal.id, status: "open" })
      .update({
        status: "accepted",
        decided_by: caller.userId,
        decided_at: trx.fn.now(),
        applied_version_id: draft.id,
        applied_revision: revision,
      })
      .returning("id");
    if (closed.length === 0) throw new ApiError("proposal_closed", { status: "accepted" });
    await audit(trx, caller, {
      action: "grid.proposal.accept",
      targetType: "grid_proposal",
      targetId: proposal.id,
      details: { grid: proposal.grid, draftRevision: revision, applied: result.applied.length },
    });
  });
  await requireDraft(db, proposal.grid);
  return findProposal(db, proposal.id);
}

export async function rejectProposal(
  db: Knex,
  caller: Caller,
  id: unknown,
  input: { reason: unknown },
): Promise<ProposalDetail> {
  if (typeof input.reason !== "string" || input.reason.trim() === "") {
    throw invalid("reason", "Donnez la raison du refus : le ou la référent·e la lira.");
  }
  const proposal = await findProposal(db, id);
  requireOpen(proposal);
  await db.transaction(async (trx) => {
    const closed = await trx("grid_proposals")
      .where({ id: proposal.id, status: "open" })
      .update({
        status: "rejected",
        decided_by: caller.userId,
        decided_at: trx.fn.now(),
        decision_reason: (input.reason as string).trim(),
      })
      .returning("id");
    if (closed.length === 0) throw new ApiError("proposal_closed", { status: "rejected" });
    await audit(trx, caller, {
      action: "grid.proposal.reject",
      targetType: "grid_proposal",
      targetId: proposal.id,
      details: { grid: proposal.grid },
    });
  });
  return findProposal(db, proposal.id);
}
