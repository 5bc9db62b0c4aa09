import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError } from "../http/errors.ts";
import { parseYouthInput } from "../subject/youth-input.ts";
import { parseActionInput, parseFamilyInput } from "../subject/group-input.ts";
import { findSubjectDetail, type SubjectDetail } from "./subject-groups.ts";
import { ensureCodeFree, findSubject, serviceForWrite } from "./subjects.ts";

// Editing a subject's own fields. PUT replaces them: a field left out is
// cleared, except the code, which is kept unless a new one is given. Links
// to young people change through their own routes, not here.

const LINK_FIELDS = ["youth"];

export async function updateSubject(
  db: Knex,
  caller: Caller,
  id: string,
  body: Record<string, unknown>,
): Promise<SubjectDetail> {
  const current = await findSubject(db, caller, id);
  serviceForWrite(caller, current.organisation_id);
  for (const key of [...LINK_FIELDS, "organisation"]) {
    if (key in body) {
      throw new ApiError("invalid_request", {
        errors: [{ field: key, message: "Ce champ ne se modifie pas ici." }],
      });
    }
  }
  const withKind = { ...body, kind: current.kind };
  let changes: Record<string, unknown>;
  let code: string | undefined;
  if (current.kind === "youth") {
    const { value, errors } = parseYouthInput(withKind);
    if (errors.length > 0) throw new ApiError("invalid_request", { errors });
    code = value.code;
    changes = {
      first_name: value.first_name ?? null,
      birth_year: value.birth_year ?? null,
      birth_month: value.birth_month ?? null,
      sex: value.sex ?? null,
      commune: value.commune ?? null,
      neighbourhood: value.neighbourhood ?? null,
    };
  } else if (current.kind === "family") {
    const { value, errors } = parseFamilyInput(withKind);
    if (errors.length > 0) throw new ApiError("invalid_request", { errors });
    code = value.code;
    changes = { commune: value.commune ?? null };
  } else {
    const { value, errors } = parseActionInput(withKind);
    if (errors.length > 0) throw new ApiError("invalid_request", { errors });
    code = value.code;
    changes = {
      title: value.title,
      starts_on: value.starts_on,
      ends_on: value.ends_on ?? null,
      details: JSON.stringify({ anonymous_participants: value.anonymous_participants }),
    };
  }
  await db.transaction(async (trx) => {
    if (code !== undefined && code !== current.code) {
      await ensureCodeFree(trx, code);
      changes.code = code;
    }
    await trx("subjects")
      .where({ id: current.id })
      .update({ ...changes, updated_at: trx.fn.now() });
    await audit(trx, caller, {
      action: "subject.update",
      organisationId: current.organisation_id,
      targetType: "subject",
      targetId: current.id,
      details: { kind: current.kind, fields: Object.keys(changes) },
    });
  });
  return findSubjectDetail(db, caller, current.id);
}
