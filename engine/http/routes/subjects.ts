import { Router, type Request } from "express";
import type { AppContext } from "../context.ts";
import { createYouth, listSubjects, type SubjectFilter } from "../../store/subjects.ts";
import {
  addLink,
  createAction,
  createFamily,
  findSubjectDetail,
  removeLink,
} from "../../store/subject-groups.ts";
import { subjectTimeline, youthFile } from "../../store/subject-file.ts";
import { updateSubject } from "../../store/subject-update.ts";
import { parseYouthInput } from "../../subject/youth-input.ts";
import { parseActionInput, parseFamilyInput } from "../../subject/group-input.ts";
import { searchCommunes } from "../../subject/communes.ts";
import { ApiError, type FieldError } from "../errors.ts";
import { bodyObject, onlyKeys, queryString } from "../request.ts";
import { requireCaller } from "../security.ts";

export function subjectRoutes({ db }: AppContext): Router {
  const router = Router();

  router.post("/subjects", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    if (body.kind === "youth") {
      const { value, errors } = parseYouthInput(body);
      if (errors.length > 0) throw new ApiError("invalid_request", { errors });
      res.status(201).json(await createYouth(db, caller, value));
    } else if (body.kind === "family") {
      const { value, errors } = parseFamilyInput(body);
      if (errors.length > 0) throw new ApiError("invalid_request", { errors });
      res.status(201).json(await createFamily(db, caller, value));
    } else if (body.kind === "action") {
      const { value, errors } = parseActionInput(body);
      if (errors.length > 0) throw new ApiError("invalid_request", { errors });
      res.status(201).json(await createAction(db, caller, value));
    } else {
      throw new ApiError("invalid_request", {
        errors: [
          {
            field: "kind",
            message:
              "Le type de dossier doit être « youth » (jeune), « family » (famille) ou « action ».",
          },
        ],
      });
    }
  });

  router.get("/subjects", async (req, res) => {
    const caller = requireCaller(req);
    res.json(await listSubjects(db, caller, subjectFilter(req)));
  });

  router.get("/subjects/:id", async (req, res) => {
    res.json(await findSubjectDetail(db, requireCaller(req), req.params.id));
  });

  router.put("/subjects/:id", async (req, res) => {
    res.json(await updateSubject(db, requireCaller(req), req.params.id, bodyObject(req)));
  });

  router.get("/subjects/:id/timeline", async (req, res) => {
    const { timeline } = await subjectTimeline(db, requireCaller(req), req.params.id);
    res.json(timeline);
  });

  router.get("/subjects/:id/file", async (req, res) => {
    res.json(await youthFile(db, requireCaller(req), req.params.id));
  });

  router.post("/subjects/:id/links", async (req, res) => {
    const caller = requireCaller(req);
    const body = bodyObject(req);
    onlyKeys(body, ["youth"]);
    res.status(201).json(await addLink(db, caller, req.params.id, body.youth));
  });

  router.delete("/subjects/:id/links/:youth", async (req, res) => {
    res.json(await removeLink(db, requireCaller(req), req.params.id, req.params.youth));
  });

  router.get("/communes", async (req, res) => {
    requireCaller(req);
    const q = queryString(req, "q") ?? "";
    res.json(searchCommunes(q, { departement: queryString(req, "departement"), limit: 20 }));
  });

  return router;
}

/** The list's filters from the query string; a malformed one is a 400, not ignored. */
function subjectFilter(req: Request): SubjectFilter {
  const errors: FieldError[] = [];
  const filter: SubjectFilter = {
    kind: queryString(req, "kind"),
    q: queryString(req, "q"),
    commune: queryString(req, "commune"),
    departement: queryString(req, "departement"),
    neighbourhood: queryString(req, "neighbourhood"),
  };
  const active = queryString(req, "active");
  if (active !== undefined) {
    if (active !== "true" && active !== "false") {
      errors.push({ field: "active", message: "Le filtre « active » vaut true ou false." });
    } else filter.active = active === "true";
  }
  for (const [name, key] of [
    ["age_min", "ageMin"],
    ["age_max", "ageMax"],
  ] as const) {
    const raw = queryString(req, name);
    if (raw === undefined) continue;
    const age = Number(raw);
    if (!Number.isInteger(age) || age < 0 || age > 99) {
      errors.push({ field: name, message: "L'âge est un nombre entier d'années." });
    } else filter[key] = age;
  }
  if (filter.kind && !["youth", "family", "action"].includes(filter.kind)) {
    errors.push({ field: "kind", message: "Le type vaut youth, family ou action." });
  }
  if (errors.length > 0) throw new ApiError("invalid_request", { errors });
  return filter;
}
