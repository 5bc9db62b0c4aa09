import crypto from "node:crypto";
import type { Knex } from "knex";
import type { Caller } from "../access/caller.ts";
import { audit } from "../access/audit.ts";
import { ApiError } from "../http/errors.ts";
import {
  totalOf,
  type ActionInput,
  type AnonymousCounts,
  type FamilyInput,
} from "../subject/group-input.ts";
import {
  ensureCodeFree,
  findSubject,
  freeCode,
  isUuid,
  serviceForWrite,
  type Subject,
} from "./subjects.ts";

// Families and collective actions, and their links to young people. A link
// joins a family or an action (the parent) to a young person of the SAME
// service: a young person of another service cannot be linked, and the
// refusal says no more than "not one of yours".

export type LinkedYouth = { id: string; code: string; first_name: string | null };

/** A subject with what it groups or belongs to, as GET /api/subjects/:id returns it. */
export type SubjectDetail = Subject & {
  /** For a family or an action: the young people linked to it. */
  youth?: LinkedYouth[];
  /** For an action: how many took part. */
  participants?: {
    linked_youth: number;
    anonymous: number;
    total: number;
    anonymous_by_sex_and_age: AnonymousCounts;
  };
  /** For a young person: the families and actions they are linked to. */
  families?: { id: string; code: string }[];
  actions?: { id: string; code: string; title: string | null; starts_on: string | null }[];
};

export function createFamily(db: Knex, caller: Caller, input: FamilyInput): Promise<SubjectDetail> {
  return createGroup(db, caller, "family", input, { commune: input.commune ?? null }, {});
}

export function createAction(db: Knex, caller: Caller, input: ActionInput): Promise<SubjectDetail> {
  return createGroup(
    db,
    caller,
    "action",
    input,
    {
      title: input.title,
      starts_on: input.starts_on,
      ends_on: input.ends_on ?? null,
      details: JSON.stringify({ anonymous_participants: input.anonymous_participants }),
    },
    { anonymous: totalOf(input.anonymous_participants) },
  );
}

/**
 * A family or a collective action of the caller's service, with its linked
 * young people, in one transaction with its audit row. `columns` are what
 * the kind stores of its own.
 */
async function createGroup(
  db: Knex,
  caller: Caller,
  kind: "family" | "action",
  input: { code?: string; organisation?: number; youth: string[] },
  columns: Record<string, unknown>,
  auditDetails: Record<string, unknown>,
): Promise<SubjectDetail> {
  const organisationId = serviceForWrite(caller, input.organisation);
  const id = crypto.randomUUID();
  await db.transaction(async (trx) => {
    const code = input.code ?? (await freeCode(trx, kind));
    await ensureCodeFree(trx, code);
    await trx("subjects").insert({
      id,
      kind,
      code,
      organisation_id: organisationId,
      ...columns,
      created_by: caller.userId,
    });
    await insertLinks(trx, caller, id, organisationId, input.youth);
    await audit(trx, caller, {
      action: "subject.create",
      organisationId,
      targetType: "subject",
      targetId: id,
      details: { kind, code, youth: input.youth.length, ...auditDetails },
    });
  });
  return findSubjectDetail(db, caller, id);
}

/**
 * Links young people to a family or an action. Each must be a young person
 * of the parent's own service; otherwise nothing is written and the faulty
 * ids are named by their position.
 */
async function insertLinks(
  trx: Knex.Transaction,
  caller: Caller,
  parentId: string,
  organisationId: number,
  youthIds: string[],
  single = false,
): Promise<void> {
  if (youthIds.length === 0) return;
  const valid = youthIds.filter(isUuid);
  const found = new Set(
    (
      await trx("subjects")
        .whereIn("id", valid)
        .andWhere({ kind: "youth", organisation_id: organisationId })
        .select("id")
    ).map((row) => row.id as string),
  );
  const errors = youthIds.flatMap((id, index) =>
    found.has(id)
      ? []
      : [
          {
            field: single ? "youth" : `youth[${index}]`,
            message:
              "Ce jeune n'existe pas ou n'est pas suivi par le même service : il ne peut pas être relié.",
          },
        ],
  );
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
  await trx("subject_links")
    .insert(
      youthIds.map((youthId) => ({
        parent_id: parentId,
        youth_id: youthId,
        created_by: caller.userId,
      })),
    )
    .onConflict(["parent_id", "youth_id"])
    .ignore();
}

/** Links one more young person to a family or an action of the caller's branch. */
export async function addLink(db: Knex, caller: Caller, parentId: string, youthId: unknown) {
  const parent = await findParent(db, caller, parentId);
  serviceForWrite(caller, parent.organisation_id);
  if (typeof youthId !== "string") {
    throw new ApiError("invalid_request", {
      errors: [{ field: "youth", message: "Indiquez l'identifiant du jeune à relier." }],
    });
  }
  await db.transaction(async (trx) => {
    await insertLinks(trx, caller, parent.id, parent.organisation_id, [youthId], true);
    await audit(trx, caller, {
      action: "subject.link.add",
      organisationId: parent.organisation_id,
      targetType: "subject",
      targetId: parent.id,
      details: { youth: youthId },
    });
  });
  return findSubjectDetail(db, caller, parent.id);
}

export async function removeLink(db: Knex, caller: Caller, parentId: string, youthId: string) {
  const parent = await findParent(db, caller, parentId);
  serviceForWrite(caller, parent.organisation_id);
  await db.transaction(async (trx) => {
    const removed = await trx("subject_links")
      .where({ parent_id: parent.id, youth_id: isUuid(youthId) ? youthId : null })
      .delete();
    if (removed > 0) {
      await audit(trx, caller, {
        action: "subject.link.remove",
        organisationId: parent.organisation_id,
        targetType: "subject",
        targetId: parent.id,
        details: { youth: youthId },
      });
    }
  });
  return findSubjectDetail(db, caller, parent.id);
}

async function findParent(db: Knex, caller: Caller, id: string): Promise<Subject> {
  const subject = await findSubject(db, caller, id);
  if (subject.kind === "youth") {
    throw new ApiError("invalid_request", {
      errors: [
        {
          field: "id",
          message: "Seules une famille ou une action collective regroupent des jeunes.",
        },
      ],
    });
  }
  return subject;
}

export async function findSubjectDetail(
  db: Knex | Knex.Transaction,
  caller: Caller,
  id: string,
): Promise<SubjectDetail> {
  const subject = await findSubject(db, caller, id);
  if (subject.kind === "youth") {
    const parents = await db("subject_links as l")
      .join("subjects as p", "p.id", "l.parent_id")
      .where("l.youth_id", subject.id)
      .orderBy([{ column: "p.starts_on", order: "desc" }, "p.code"])
      .select("p.id", "p.kind", "p.code", "p.title", "p.starts_on");
    return {
      ...subject,
      families: parents.filter((p) => p.kind === "family").map((p) => ({ id: p.id, code: p.code })),
      actions: parents
        .filter((p) => p.kind === "action")
        .map((p) => ({ id: p.id, code: p.code, title: p.title, starts_on: p.starts_on })),
    };
  }
  const youth: LinkedYouth[] = await db("subject_links as l")
    .join("subjects as y", "y.id", "l.youth_id")
    .where("l.parent_id", subject.id)
    .orderBy("y.code")
    .select("y.id", "y.code", "y.first_name");
  if (subject.kind === "family") return { ...subject, youth };
  const row = await db("subjects").where({ id: subject.id }).first("details");
  const anonymous = (row?.details?.anonymous_participants ?? {}) as AnonymousCounts;
  const anonymousTotal = totalOf(anonymous);
  return {
    ...subject,
    youth,
    participants: {
      linked_youth: youth.length,
      anonymous: anonymousTotal,
      total: youth.length + anonymousTotal,
      anonymous_by_sex_and_age: anonymous,
    },
  };
}
