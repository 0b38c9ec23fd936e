import { z } from "zod";
import {
  AccuracyResponse,
  AgentInput,
  AgentsResponse,
  AnalyticsQuery,
  BreakInput,
  BreakResponse,
  FollowUpsResponse,
  HeatmapQuery,
  HeatmapResponse,
  ReportQuery,
  RootCausesResponse,
  SatisfactionResponse,
  SupervisorOverviewResponse,
  SupervisorQuery,
  TrendsQuery,
  TrendsResponse,
  WellbeingResponse,
} from "./schemas.js";

const schema = (s: z.ZodType, io: "input" | "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const error = { description: "error: { error: { code, message, details? } }" };
const errors = { 400: error, 401: error, 403: error, 429: error };
const security = [{ apiKey: [] }, { bearer: [] }];

function query(s: z.ZodObject) {
  return Object.entries(s.shape).map(([name, field]) => ({
    name,
    in: "query",
    schema: schema(field as z.ZodType, "input"),
  }));
}

function get(summary: string, q: z.ZodObject | null, response: z.ZodType, csv = false) {
  return {
    get: {
      summary,
      security,
      parameters: q ? query(q) : [],
      responses: {
        200: {
          description: csv ? "ok (JSON, or CSV with a UTF-8 BOM when format=csv)" : "ok",
          content: {
            "application/json": { schema: schema(response, "output") },
            ...(csv ? { "text/csv": { schema: { type: "string" } } } : {}),
          },
        },
        ...errors,
      },
    },
  };
}

/** The analytics, supervisor, roster and report paths of the OpenAPI document, from the same zod schemas. */
export function analyticsPaths(): Record<string, unknown> {
  const agent = { name: "agent", in: "path", required: true, schema: { type: "string" } };
  return {
    "/api/v1/analytics/trends": get(
      "Customer messages over time, per channel, language, cause, product or emotion",
      TrendsQuery,
      TrendsResponse,
      true,
    ),
    "/api/v1/analytics/root-causes": get(
      "Causes by emotion, with redacted examples",
      AnalyticsQuery,
      RootCausesResponse,
      true,
    ),
    "/api/v1/analytics/satisfaction": get(
      "CSAT by the customer's peak emotion, and their correlation",
      AnalyticsQuery,
      SatisfactionResponse,
      true,
    ),
    "/api/v1/analytics/followups": get(
      "Follow-ups and how many customers recovered, by cause",
      AnalyticsQuery,
      FollowUpsResponse,
      true,
    ),
    "/api/v1/analytics/accuracy": get(
      "The engine against reviewers' corrections",
      AnalyticsQuery,
      AccuracyResponse,
      true,
    ),
    "/api/v1/analytics/heatmap": get("Emotions by team, channel or hour of day", HeatmapQuery, HeatmapResponse, true),
    "/api/v1/supervisor/overview": get(
      "Conversations at risk, the queue by emotion with SLA breaches, alerts today (agents too)",
      SupervisorQuery,
      SupervisorOverviewResponse,
    ),
    "/api/v1/supervisor/wellbeing": get(
      "Each agent's workload and exposure today, with a suggestion (agents see their own)",
      SupervisorQuery,
      WellbeingResponse,
    ),
    "/api/v1/agents": get("The agent roster", null, AgentsResponse),
    "/api/v1/agents/{agent}": {
      put: {
        summary: "Add an agent to the roster or change their name and team",
        security,
        parameters: [agent],
        requestBody: { required: true, content: { "application/json": { schema: schema(AgentInput, "input") } } },
        responses: { 200: { description: "ok" }, ...errors },
      },
    },
    "/api/v1/agents/{agent}/break": {
      post: {
        summary: "Record a break (supervisors for anyone on the roster, agents for themselves)",
        security,
        parameters: [agent],
        requestBody: { required: false, content: { "application/json": { schema: schema(BreakInput, "input") } } },
        responses: {
          201: {
            description: "recorded",
            content: { "application/json": { schema: schema(BreakResponse, "output") } },
          },
          404: error,
          ...errors,
        },
      },
    },
    "/api/v1/reports/management.pdf": {
      get: {
        summary: "The management report as a PDF (zh-CN, zh-TW, en); 503 when no CJK font is installed",
        security,
        parameters: query(ReportQuery),
        responses: {
          200: {
            description: "the PDF",
            content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
          },
          503: error,
          ...errors,
        },
      },
    },
  };
}
