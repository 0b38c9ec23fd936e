import type { ApiKeyRecord, Role } from "@attune/core";
import type { FastifyRequest } from "fastify";
import { authenticate } from "../../auth.js";
import type { AppContext } from "../../context.js";
import { ApiError } from "../../http-errors.js";

/** Supervisors and admins read analytics and reports; agents only what is named for them. */
export const SUPERVISORS: readonly Role[] = ["supervisor", "admin"];
export const STAFF: readonly Role[] = ["agent", "supervisor", "admin"];

/** Authenticates the caller and checks their role is one of `roles`. */
export async function requireRole(
  ctx: AppContext,
  request: FastifyRequest,
  roles: readonly Role[],
  what: string,
): Promise<ApiKeyRecord> {
  const key = await authenticate(ctx.store, request, "read");
  if (!roles.includes(key.role))
    throw new ApiError(
      "forbidden",
      `the ${key.role} role may not read ${what}; ask an admin for a ${roles.join(" or ")} key`,
    );
  return key;
}
