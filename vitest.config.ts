import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/web/src/**/*.test.tsx",
      "apps/web/e2e/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI asks for a JSON report too, to print one plain "N passed, N failed" line at the end.
    reporters: process.env.ATTUNE_TEST_REPORT ? ["default", "json"] : ["default"],
    outputFile: process.env.ATTUNE_TEST_REPORT ? { json: process.env.ATTUNE_TEST_REPORT } : undefined,
  },
});
