import { join } from "node:path";
import {
  createOpenAiChatGenerator,
  GeneratorError,
  generateCheckedReplies,
  IMPORT_CHANNELS,
  type ImportChannel,
} from "@attune/core";
import { AttuneError, CHANNELS, type Channel, createCoach, type ReplyLocale } from "@attune/engine";
import { ENGINE_DATA_DIR, loadAnalyzer, loadEngineData } from "@attune/engine/node";
import { ConfigError } from "@attune/server";
import { Command, InvalidArgumentError } from "commander";
import { analyzeFile, analyzeText } from "./commands/analyze.js";
import { analyzeAudioCommand } from "./commands/analyze-audio.js";
import { registerAnalyzeFace } from "./commands/analyze-face.js";
import { renderDraftCheck, renderGenerated, renderSuggestions } from "./commands/coach.js";
import { analyzeConversationsFile, readConversation } from "./commands/conversation.js";
import { runDemo } from "./commands/demo.js";
import { formatReport, runEval } from "./commands/eval.js";
import { evalAudioCommand } from "./commands/eval-audio.js";
import { runEvalCoach } from "./commands/eval-coach.js";
import { defaultKey, formatImportSummary, runImport } from "./commands/import.js";
import { runTrain } from "./commands/train.js";

const REPO_ROOT = join(ENGINE_DATA_DIR, "..", "..", "..");

/** A mistake in how the command was called: printed as one line, exit code 2. */
class UsageError extends Error {}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, found "${value}"`);
  return n;
}

/** Builds the `attune` command line. */
export function buildProgram(): Command {
  const program = new Command("attune")
    .description("Attune: customer emotion analysis for Simplified Chinese, Traditional Chinese/Cantonese and English")
    .showHelpAfterError();

  program
    .command("analyze")
    .description("analyze one message, or a JSONL file of {id, text, lang?, channel?} lines")
    .argument("[text]", "the message to analyze")
    .option("-i, --input <path>", "JSONL input, one {id, text, lang?, channel?} per line")
    .option("-o, --output <path>", "JSONL output, one result per input line (with --input)")
    .option("--errors <path>", "where bad input lines go (default: <output>.errors.jsonl)")
    .option("--json", "print the full result as JSON")
    .option("--channel <name>", `where the text came from: ${CHANNELS.join(", ")} (social posts lean on the lexicons)`)
    .action(
      async (
        text: string | undefined,
        o: { input?: string; output?: string; errors?: string; json?: boolean; channel?: string },
      ) => {
        if (o.channel !== undefined && !(CHANNELS as readonly string[]).includes(o.channel))
          throw new UsageError(`--channel: expected one of ${CHANNELS.join(", ")}, found "${o.channel}"`);
        const channel = o.channel as Channel | undefined;
        const analyzer = loadAnalyzer();
        if (o.input) {
          if (!o.output) throw new UsageError("--input needs --output");
          const s = await analyzeFile(analyzer, o.input, o.output, o.errors, channel);
          process.stderr.write(
            `analyzed ${s.processed} lines, skipped ${s.failed}${s.errorsPath ? ` (reasons in ${s.errorsPath})` : ""}\n`,
          );
          return;
        }
        if (text === undefined) throw new UsageError("give a message to analyze, or --input FILE --output FILE");
        process.stdout.write(`${analyzeText(analyzer, text, Boolean(o.json), channel)}\n`);
      },
    );

  registerAnalyzeFace(program);

  program
    .command("eval")
    .description("accuracy, macro-F1 and confusion per language on a labelled JSONL set")
    .requiredOption("-i, --input <path>", "gold JSONL (../shared/data/text/<set>/dev.jsonl or Attune's own format)")
    .option("--set <name>", "label mapping to use (default: from the folder name)")
    .option("--limit <n>", "only the first n records", positiveInt)
    .option("--json", "print the report as JSON")
    .action(async (o: { input: string; set?: string; limit?: number; json?: boolean }) => {
      const report = await runEval(loadAnalyzer(), o.input, o);
      process.stdout.write(`${o.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
    });

  program
    .command("train")
    .description("train the model on the corpus (seeded, reproducible) and write its weights")
    .option("--corpus <dir>", "corpus folder", join(REPO_ROOT, "corpus"))
    .option("-o, --output <path>", "weights file", join(ENGINE_DATA_DIR, "model.json"))
    .option("--seed <n>", "random seed", positiveInt, 20261123)
    .option("--epochs <n>", "passes over the data", positiveInt, 14)
    .action((o: { corpus: string; output: string; seed: number; epochs: number }) => {
      runTrain(loadEngineData({ withoutModel: true }), o, (line) => process.stdout.write(`${line}\n`));
    });

  program
    .command("conversation")
    .description("analyze conversations: trajectory, turning points, risk, satisfaction, priority")
    .requiredOption("-i, --input <path>", "JSONL input, one {id, turns: [{speaker, text, at?}]} per line")
    .requiredOption("-o, --output <path>", "JSONL output, one analysis per input line")
    .action(async (o: { input: string; output: string }) => {
      const s = await analyzeConversationsFile(loadAnalyzer(), o.input, o.output);
      process.stderr.write(
        `analyzed ${s.processed} conversations, skipped ${s.failed}${s.errorsPath ? ` (reasons in ${s.errorsPath})` : ""}\n`,
      );
    });

  program
    .command("suggest")
    .description("three empathy-first replies for the agent")
    .option("-c, --conversation <file>", "JSON file: an array of turns, or {turns}")
    .option("--customer <text...>", "customer message(s), appended as customer turns")
    .option("--locale <locale>", "zh-Hans | zh-Hant-TW | zh-Hant-HK | en (default: the customer's language)")
    .option("--channel <channel>", "chat | email | call | social", "chat")
    .option("--name <name>", "the customer's name")
    .option(
      "--generator-url <url>",
      "also ask an OpenAI-compatible chat endpoint (e.g. http://127.0.0.1:8080/v1); off by default",
    )
    .option("--generator-model <model>", "model name for --generator-url", "default")
    .option("--json", "print JSON")
    .action(
      async (o: {
        conversation?: string;
        customer?: string[];
        locale?: string;
        channel?: string;
        name?: string;
        generatorUrl?: string;
        generatorModel: string;
        json?: boolean;
      }) => {
        const analyzer = loadAnalyzer();
        const coach = createCoach(analyzer);
        const turns = readConversation(o.conversation, o.customer ?? []);
        const conversation = analyzer.analyzeConversation(turns);
        const s = coach.suggestReplies(conversation, {
          ...(o.locale ? { locale: o.locale as ReplyLocale } : {}),
          channel: o.channel as "chat",
          ...(o.name ? { customerName: o.name } : {}),
        });
        const generated = o.generatorUrl
          ? await generateCheckedReplies(
              coach,
              createOpenAiChatGenerator({ url: o.generatorUrl, model: o.generatorModel }),
              turns,
              conversation,
              s.context.locale,
            )
          : undefined;
        if (o.json) process.stdout.write(`${JSON.stringify({ ...s, ...(generated ? { generated } : {}) }, null, 2)}\n`);
        else process.stdout.write(`${renderSuggestions(s)}${generated ? `\n\n${renderGenerated(generated)}` : ""}\n`);
      },
    );

  program
    .command("check-draft")
    .description("tone guard: flag a draft reply's tone problems and offer a rewrite")
    .argument("<draft>", "the agent's draft")
    .option("-c, --conversation <file>", "JSON file: an array of turns, or {turns}")
    .option("--customer <text...>", "customer message(s) the draft answers")
    .option("--locale <locale>", "language of the rewrite (default: the draft's)")
    .option("--json", "print JSON")
    .action((draft: string, o: { conversation?: string; customer?: string[]; locale?: string; json?: boolean }) => {
      const coach = createCoach(loadAnalyzer());
      const turns = readConversation(o.conversation, o.customer ?? []);
      const check = coach.checkDraft(draft, turns, o.locale ? { locale: o.locale as ReplyLocale } : {});
      process.stdout.write(`${o.json ? JSON.stringify(check, null, 2) : renderDraftCheck(draft, check)}\n`);
    });

  program
    .command("eval-coach")
    .description("score conversation analysis and the tone guard on the written test sets")
    .option(
      "--conversations <dir>",
      "labelled conversations",
      join(ENGINE_DATA_DIR, "..", "test-data", "conversations"),
    )
    .option("--drafts <dir>", "labelled agent drafts", join(ENGINE_DATA_DIR, "..", "test-data", "drafts"))
    .action((o: { conversations: string; drafts: string }) => {
      process.stdout.write(`${runEvalCoach(loadAnalyzer(), o)}\n`);
    });

  program
    .command("import")
    .description(
      "import e-mail (.eml, mbox), social posts and reviews (CSV, JSON), call transcripts (JSON, SRT, VTT) or surveys into a running server",
    )
    .requiredOption("--channel <channel>", "email | social | transcript | survey")
    .argument("<path>", "a file, or a folder of files")
    .option("--url <url>", "the Attune server", process.env.ATTUNE_URL ?? "http://127.0.0.1:7420")
    .option("--key <key>", "an ingest API key (default: ATTUNE_API_KEY, or the demo key in ./data)")
    .action(async (path: string, o: { channel: string; url: string; key?: string }) => {
      if (!IMPORT_CHANNELS.includes(o.channel as ImportChannel)) {
        throw new UsageError(`--channel: expected one of ${IMPORT_CHANNELS.join(", ")}, found "${o.channel}"`);
      }
      const summary = await runImport(o.channel as ImportChannel, path, o.url, defaultKey(o.key));
      process.stdout.write(`${formatImportSummary(summary)}\n`);
    });

  program.addCommand(analyzeAudioCommand());
  program.addCommand(evalAudioCommand());

  program
    .command("serve")
    .description("start the Attune server (what `npm start` runs): API, stream, demo data on first start")
    .action(async () => {
      const { serve } = await import("@attune/server");
      const server = await serve();
      const stop = async () => {
        await server.stop();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise(() => {}); // until a signal stops the server
    });

  program
    .command("demo")
    .description("interactive demo: type a message, see the analysis")
    .action(async () => runDemo(loadAnalyzer()));

  return program;
}

/** Runs the CLI; returns the exit code. Errors print one clear line, never a stack for user mistakes. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    const err = e as { code?: string; exitCode?: number; message?: string };
    if (err.code?.startsWith("commander.")) return err.exitCode ?? 1;
    if (
      e instanceof AttuneError ||
      e instanceof GeneratorError ||
      e instanceof ConfigError ||
      e instanceof UsageError ||
      e instanceof SyntaxError ||
      (e as NodeJS.ErrnoException).code === "ENOENT"
    ) {
      process.stderr.write(`attune: ${(err.message ?? String(e)).replace(/^attune: /, "")}\n`);
      return 2;
    }
    process.stderr.write(`attune: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
