import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { SessionProvider } from "./app/session-context.tsx";
import { AppRoutes } from "./app/router.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <AppRoutes />
    </SessionProvider>
  </StrictMode>,
);
