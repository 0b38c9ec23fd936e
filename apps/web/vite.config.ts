import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The dev server proxies the API to a running `attune serve`, so `npm run dev -w apps/web` works beside it.
export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { "/api": "http://127.0.0.1:7420" } },
});
