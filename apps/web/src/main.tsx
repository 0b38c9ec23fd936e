import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { initI18n, savedLocale } from "./i18n/index.js";
import "./styles.css";

initI18n(savedLocale(null));
const root = document.getElementById("root");
if (!root) throw new Error("attune: expected an element #root in index.html, found none");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
