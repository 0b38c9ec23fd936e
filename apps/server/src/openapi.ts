import { z } from "zod";
import { analyticsPaths } from "./routes/analytics/openapi-paths.js";
import { DraftInput, FollowUpCloseInput, FollowUpInput, ReplyInput } from "./routes/assist.js";
import { audioOpenApiPaths } from "./routes/audio.js";
import { faceOpenApiPaths } from "./routes/face.js";
import { DemoSignInInput, SignInInput } from "./routes/session.js";
import { AlertRulesInput } from "./routes/settings.js";
import { AnalyzeInput, AssignInput, BatchInput, ConsentInput, MessageInput } from "./schemas.js";

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
});
const error = { description: "error: { error: { code, message, details? } }" };
const auth = [{ apiKey: [] }, { bearer: [] }];

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  const op = (summary: string, body?: z.ZodType, extra: Record<string, unknown> = {}) => ({
    summary,
    security: auth,
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: { 200: { description: "ok" }, 400: error, 401: error, 403: error, 413: error, 429: error },
    ...extra,
  });
  const id = [{ name: "id", in: "path", required: true, schema: { type: "string" } }];
  return {
    openapi: "3.1.0",
    info: {
      title: "Attune API",
      version: "1.0.0",
      description: "Customer emotion management: ingest, analyze, prioritize, stream.",
    },
    components: {
      securitySchemes: {
        apiKey: { type: "apiKey", in: "header", name: "x-api-key" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    paths: {
      ...analyticsPaths(),
      "/api/v1/messages": { post: op("Store and analyze one message (idempotent by externalId)", MessageInput) },
      "/api/v1/messages/batch": { post: op("Store and analyze up to 1,000 messages in one transaction", BatchInput) },
      "/api/v1/messages/{id}": { get: op("One stored message with its analysis", undefined, { parameters: id }) },
      "/api/v1/analyze": { post: op("Analyze one message without storing it", AnalyzeInput) },
      "/api/v1/queue": {
        get: op("Open conversations, highest priority first, with the reasons", undefined, {
          parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500 } }],
        }),
      },
      "/api/v1/conversations/{id}": {
        get: op("A conversation, its state and its messages", undefined, { parameters: id }),
      },
      "/api/v1/conversations/{id}/assign": {
        post: op("Assign to an agent (null to unassign)", AssignInput, { parameters: id }),
      },
      "/api/v1/conversations/{id}/close": { post: op("Close a conversation", undefined, { parameters: id }) },
      "/api/v1/conversations/{id}/suggestions": {
        get: op("Three reply suggestions for the agent", undefined, { parameters: id }),
      },
      "/api/v1/customers/{externalId}/consent": {
        put: op("Set consent per modality (text, voice, face)", ConsentInput, {
          parameters: [{ name: "externalId", in: "path", required: true, schema: { type: "string" } }],
        }),
      },
      "/api/v1/customers/{externalId}": {
        delete: op("Erase everything about one customer (audited)", undefined, {
          parameters: [{ name: "externalId", in: "path", required: true, schema: { type: "string" } }],
        }),
      },
      "/api/v1/customers/{externalId}/history": {
        get: op("The customer's emotional history across channels", undefined, {
          parameters: [{ name: "externalId", in: "path", required: true, schema: { type: "string" } }],
        }),
      },
      "/api/v1/messages/{id}/correction": {
        post: op(
          "Correct a message's emotion label",
          z.strictObject({ emotion: z.string(), polarity: z.string().optional() }),
          {
            parameters: id,
          },
        ),
      },
      "/api/v1/corrections/export": { get: op("Corrections as a JSONL gold set for attune eval (audited)") },
      "/api/v1/followups": { get: op("Follow-ups, open or done, with recovery outcomes") },
      "/api/v1/retention/expire": {
        post: op(
          "Expire emotion data older than N days (audited)",
          z.strictObject({ olderThanDays: z.number().int() }),
        ),
      },
      "/api/v1/audit": { get: op("The audit log of exports and erasures") },
      "/api/v1/settings/alert-rules": { get: op("Alert rules"), put: op("Change alert rules", AlertRulesInput) },
      "/api/v1/webhooks": {
        get: op("Webhooks (secrets masked)"),
        post: op("Register a signed alert webhook", z.strictObject({ url: z.string(), secret: z.string().optional() })),
      },
      "/api/v1/webhooks/dead-letters": { get: op("Deliveries that failed every retry") },
      "/api/v1/webhooks/dead-letters/{id}/replay": {
        post: op("Send a dead delivery again", undefined, { parameters: id }),
      },
      "/api/v1/import/{channel}": {
        post: op(
          "Upload one file (raw bytes) of e-mail, social, transcript or survey; ?filename= decides the format",
          undefined,
          {
            parameters: [
              {
                name: "channel",
                in: "path",
                required: true,
                schema: { type: "string", enum: ["email", "social", "transcript", "survey"] },
              },
              { name: "filename", in: "query", required: true, schema: { type: "string" } },
            ],
          },
        ),
      },
      "/api/v1/conversations/{id}/check-draft": {
        post: op("The tone guard on an agent's draft: flags with spans and reasons, empathy, a rewrite", DraftInput, {
          parameters: id,
        }),
      },
      "/api/v1/conversations/{id}/reply": {
        post: op("Send the agent's reply into the conversation (analyzed like any message)", ReplyInput, {
          parameters: id,
        }),
      },
      "/api/v1/conversations/{id}/followups": {
        post: op("Create a follow-up for the conversation by hand", FollowUpInput, { parameters: id }),
      },
      "/api/v1/followups/{id}/close": {
        post: op("Close a follow-up: did the customer's feeling recover?", FollowUpCloseInput, { parameters: id }),
      },
      "/api/v1/session": {
        get: op("Who the key or browser session is (role, name, tenant)"),
        post: op("Sign a browser in: the key becomes an HttpOnly, SameSite=Strict cookie", SignInInput),
        delete: op("Sign the browser out"),
      },
      "/api/v1/session/demo": {
        get: op("The demo roles offered for one-click sign-in (browsers on this machine, demo servers only)"),
        post: op("Sign in as a demo role", DemoSignInInput),
      },
      ...faceOpenApiPaths((summary) => op(summary)),
      ...audioOpenApiPaths((summary) => op(summary)),
      "/api/v1/stream": {
        get: op("Server-Sent Events: ?conversation=ID and/or ?supervisor=true; resume with Last-Event-ID", undefined, {
          parameters: [
            { name: "conversation", in: "query", schema: { type: "string" } },
            { name: "supervisor", in: "query", schema: { type: "string", enum: ["true", "false"] } },
            { name: "from", in: "query", schema: { type: "string", enum: ["start", "latest"] } },
          ],
        }),
      },
    },
  };
}
