import type { Knex } from "knex";
import type { Role } from "./roles.ts";
import { hashPassword } from "./passwords.ts";

export type NewUser = {
  email: string;
  displayName: string;
  password: string;
  roles: { role: Role; organisationId: number }[];
};

export async function createUser(db: Knex | Knex.Transaction, input: NewUser): Promise<number> {
  const [row] = await db("users")
    .insert({
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
    })
    .returning("id");
  if (input.roles.length > 0) {
    await db("user_roles").insert(
      input.roles.map((r) => ({
        user_id: row.id,
        organisation_id: r.organisationId,
        role: r.role,
      })),
    );
  }
  return row.id;
}
