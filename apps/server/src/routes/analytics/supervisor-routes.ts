import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../context.js";
import { ApiError } from "../../http-errors.js";
import { requireRole, STAFF, SUPERVISORS } from "./access.js";
import { sendCsv } from "./csv.js";
import { startOfLocalDay } from "./period.js";
import { AgentInput, AgentParams, BreakInput, SupervisorQuery } from "./schemas.js";
import { presentOverview, presentWellbeing } from "./supervisor.js";

/** How many open conversations the overview reads (the riskiest by priority). */
const OPEN_LIMIT = 2000;

/**
 * The supervisor overview, agent wellbeing (from workload and exposure only, never the agent's own voice,
 * face or words), breaks, and the agent roster. Agents may read the overview and their own wellbeing; an
 * agent is the roster entry whose id is their key's name.
 */
export function supervisorRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/v1/supervisor/overview", async (request, reply) => {
    const key = await requireRole(ctx, request, STAFF, "the supervisor overview");
    const q = SupervisorQuery.parse(request.query);
    const now = new Date();
    const since = new Date(startOfLocalDay(now, q.utcOffsetMinutes)).toISOString();
    const [open, alertsToday] = await Promise.all([
      ctx.store.listOpenConversations(key.tenantId, OPEN_LIMIT),
      ctx.store.countEvents(key.tenantId, "alert", since),
    ]);
    const body = presentOverview(open, alertsToday, now);
    if (q.format === "csv") {
      // The conversations at risk: the overview's list a supervisor hands on.
      return sendCsv(
        reply,
        "at-risk",
        { from: since, to: now.toISOString() },
        {
          header: [
            "conversation",
            "customer",
            "channel",
            "escalation_risk",
            "priority",
            "emotion",
            "intensity",
            "waiting_minutes",
            "sla_minutes",
            "over_sla",
            "assigned_to",
            "reasons",
          ],
          rows: body.atRisk.map((c) => [
            c.conversationId,
            c.customer,
            c.channel,
            c.escalationRisk,
            c.priority,
            c.emotion,
            c.intensity,
            c.waitingMinutes,
            c.slaMinutes,
            c.overSla ? "yes" : "no",
            c.assignedTo,
            c.reasons.join("; "),
          ]),
        },
      );
    }
    return body;
  });

  app.get("/api/v1/supervisor/wellbeing", async (request, reply) => {
    const key = await requireRole(ctx, request, STAFF, "agent wellbeing");
    const q = SupervisorQuery.parse(request.query);
    const now = new Date();
    const dayStart = new Date(startOfLocalDay(now, q.utcOffsetMinutes));
    const [roster, exposure, breaks] = await Promise.all([
      ctx.store.listAgents(key.tenantId),
      ctx.store.agentExposure(key.tenantId, dayStart.toISOString()),
      ctx.store.lastBreaks(key.tenantId),
    ]);
    const all = presentWellbeing(roster, exposure, breaks, dayStart, now);
    const agents = key.role === "agent" ? all.filter((a) => a.agent === key.name) : all;
    if (q.format === "csv") {
      return sendCsv(
        reply,
        "wellbeing",
        { from: dayStart.toISOString(), to: now.toISOString() },
        {
          header: [
            "agent",
            "name",
            "team",
            "handled_today",
            "hard_in_a_row",
            "abusive_today",
            "minutes_since_break",
            "suggestion",
            "reasons",
          ],
          rows: agents.map((a) => [
            a.agent,
            a.name,
            a.team,
            a.handledToday,
            a.hardInARow,
            a.abusiveToday,
            a.minutesSinceBreak,
            a.suggestion,
            a.reasons.join("; "),
          ]),
        },
      );
    }
    return { agents };
  });

  app.post("/api/v1/agents/:agent/break", async (request, reply) => {
    const key = await requireRole(ctx, request, STAFF, "breaks");
    const { agent } = AgentParams.parse(request.params);
    if (key.role === "agent" && key.name !== agent)
      throw new ApiError("forbidden", "an agent may record only their own break; ask a supervisor");
    const body = BreakInput.parse(request.body ?? undefined) ?? {};
    const at = new Date(body.at ?? Date.now()).toISOString();
    const recorded = await ctx.store.recordBreak(key.tenantId, agent, at, body.minutes ?? null);
    if (!recorded) throw new ApiError("not_found", `no agent ${agent} on the roster`);
    return reply.status(201).send({ agent, at: recorded.at, minutes: recorded.minutes });
  });

  app.get("/api/v1/agents", async (request) => {
    const key = await requireRole(ctx, request, STAFF, "the agent roster");
    return { agents: await ctx.store.listAgents(key.tenantId) };
  });

  app.put("/api/v1/agents/:agent", async (request) => {
    const key = await requireRole(ctx, request, SUPERVISORS, "the agent roster");
    const { agent } = AgentParams.parse(request.params);
    const { name, team } = AgentInput.parse(request.body);
    return ctx.store.upsertAgent(key.tenantId, { id: agent, name, team: team ?? null }, new Date().toISOString());
  });
}
