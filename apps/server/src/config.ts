import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isRegionCode } from "@attune/face";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting, from the environment, with defaults that make `npm start` work with no setup. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(7420),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().url().optional(),
  ATTUNE_DB_PATH: z.string().min(1).default("./data/attune.db"),
  ATTUNE_SEED_DEMO: bool.default(true),
  ATTUNE_REDACT_PII: bool.default(false),
  ATTUNE_FACE_REGIONS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((r) => r.trim().toUpperCase())
        .filter(Boolean),
    )
    .superRefine((codes, ctx) => {
      const bad = codes.filter((c) => !isRegionCode(c));
      if (bad.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `expected comma-separated region codes like DE,HK,US-IL, found ${bad.map((b) => `"${b}"`).join(", ")}`,
        });
    }),
  ATTUNE_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  ATTUNE_MAX_AUDIO_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  ATTUNE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(6000),
  ATTUNE_DEMO_SIGN_IN: bool.default(true),
  ATTUNE_WEB_DIR: z.string().min(1).optional(),
  ATTUNE_PDF_FONT: z
    .string()
    .min(1)
    .refine(
      (v) => existsSync(v.replace(/#[^#/\\]*$/, "")),
      "expected a font file that exists (path or path#PostScriptName)",
    )
    .refine(
      (v) => !/\.ttc$/i.test(v),
      "a .ttc collection needs the face's PostScript name: path#Name (e.g. NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular)",
    )
    .optional(),
  ATTUNE_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "silent"]).default("warn"),
  ATTUNE_WORKERS: z
    .union([z.literal("auto"), z.coerce.number().int().min(1).max(64)], {
      error: "expected a whole number of processes from 1 to 64, or auto (one per CPU core)",
    })
    .default(1),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  seedDemo: boolean;
  redactPii: boolean;
  /** Regions where face analysis may run (for consenting customers); empty: off everywhere. */
  faceRegions: string[];
  maxBodyBytes: number;
  /** Largest WAV body `POST /api/v1/audio/analyze` takes (that route only): 20 MB is ~10 min of 16 kHz mono. */
  maxAudioBytes: number;
  rateLimitPerMinute: number;
  /** Offer the demo tenant's roles on the web app's sign-in page, to browsers on this machine only. */
  demoSignIn: boolean;
  /** The built web app to serve at `/` (default: apps/web/dist beside the server). */
  webDir: string | undefined;
  /** A CJK font for PDF reports (`path` or `path#PostScriptName`); found on the machine when unset. */
  pdfFont: string | undefined;
  logLevel: z.infer<typeof ConfigSchema>["ATTUNE_LOG_LEVEL"];
  /** Server processes sharing the port (Node's cluster module); 1 runs everything in this process. */
  workers: number;
};

/** A configuration the process cannot start with; the message names every bad value. */
export class ConfigError extends Error {}

/**
 * Reads the configuration once, at start. A bad value stops the start with a message naming each
 * variable, what was expected and what was found.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.shape).map((k) => [k, env[k] === "" ? undefined : env[k]]),
  );
  const parsed = ConfigSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message} (found ${JSON.stringify(picked[i.path[0] as string])})`,
    );
    throw new ConfigError(`attune: invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    sqlitePath: c.ATTUNE_DB_PATH,
    seedDemo: c.ATTUNE_SEED_DEMO,
    redactPii: c.ATTUNE_REDACT_PII,
    faceRegions: c.ATTUNE_FACE_REGIONS,
    maxBodyBytes: c.ATTUNE_MAX_BODY_BYTES,
    maxAudioBytes: c.ATTUNE_MAX_AUDIO_BYTES,
    rateLimitPerMinute: c.ATTUNE_RATE_LIMIT_PER_MINUTE,
    demoSignIn: c.ATTUNE_DEMO_SIGN_IN,
    webDir: c.ATTUNE_WEB_DIR,
    pdfFont: c.ATTUNE_PDF_FONT,
    logLevel: c.ATTUNE_LOG_LEVEL,
    workers: c.ATTUNE_WORKERS === "auto" ? availableParallelism() : c.ATTUNE_WORKERS,
  };
}
