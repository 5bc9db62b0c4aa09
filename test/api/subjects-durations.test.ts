import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server.ts";
import { loggedIn, type ApiClient } from "../support/client.ts";
import {
  accompanimentRecord,
  createYouth,
  newResponse,
  submit,
  validProfile,
} from "../support/factories.ts";

// Durations of the paths, by service, on a dataset counted by hand:
//   A: first contact 2025-09 (→ 2025-09-01), accompaniment 2025-10-01 → 2026-03-31
//      (30 days to start, 181 days long)
//   B: first contact 2026-01 (→ 2026-01-01), accompaniment from 2026-01-11, open
//      (10 days to start)
//   C: a profile only (known, never accompanied)

let app: TestServer;
let educator: ApiClient;

beforeAll(async () => {
  app = await startTestServer();
  educator = await loggedIn(app.url, "educateur@demo.bdc");
  const [a, b, c] = [
    await createYouth(educator),
    await createYouth(educator),
    await createYouth(educator),
  ];
  await submit(
    educator,
    newResponse(a.id, validProfile({ date_premier_contact: "2025-09", date_fiche: "2025-09-20" })),
  );
  await submit(
    educator,
    accompanimentRecord(a.id, "2025-10-01", {
      date_fin: "2026-03-31",
      motif_fin: "objectifs_atteints",
    }),
  );
  await submit(
    educator,
    newResponse(b.id, validProfile({ date_premier_contact: "2026-01", date_fiche: "2026-01-05" })),
  );
  await submit(educator, accompanimentRecord(b.id, "2026-01-11"));
  await submit(
    educator,
    newResponse(c.id, validProfile({ date_premier_contact: "2026-02", date_fiche: "2026-02-02" })),
  );
});
afterAll(() => app.close());

describe("durations of the paths", () => {
  it("give the delay from first contact to accompaniment and the length of closed periods", async () => {
    const result = await educator.get("/api/trajectories/durations");
    expect(result.status).toBe(200);
    expect(result.body.scope).toBe("branch");
    const service = result.body.rows.find((r: { organisation: string }) =>
      r.organisation.includes("Lille-Sud"),
    );
    expect(service).toMatchObject({
      youth_known: 3,
      first_contact_to_accompaniment: { count: 2, median_days: 20, average_days: 20 },
      closed_accompaniments: { count: 1, median_days: 181, average_days: 181 },
      open_accompaniments: 1,
    });
    expect(result.body.rows.at(-1)).toMatchObject({
      organisation_id: null,
      organisation: "Ensemble",
      youth_known: 3,
    });
  });

  it("hide the figures of a service with fewer young people than the threshold at federation scope", async () => {
    const analyst = await loggedIn(app.url, "analyste@demo.bdc");
    const result = await analyst.get("/api/trajectories/durations");
    expect(result.body.scope).toBe("federation");
    const service = result.body.rows.find((r: { organisation: string }) =>
      r.organisation.includes("Lille-Sud"),
    );
    expect(service.youth_known).toBeNull();
    expect(service.first_contact_to_accompaniment).toEqual({
      count: null,
      median_days: null,
      average_days: null,
    });
  });
});
