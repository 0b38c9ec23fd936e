export { buildApp } from "./app.js";
export { type Config, ConfigError, loadConfig } from "./config.js";
export { createContext } from "./context-factory.js";
export { type RunningServer, serve, startServer } from "./main.js";
