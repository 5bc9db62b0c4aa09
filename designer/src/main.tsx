import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

// Placeholder so the multi-page build has its second entry; the designer
// itself is being written separately and replaces this file.
function Placeholder() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "3rem auto", padding: "0 1rem" }}>
      <h1>Concepteur de grilles — bientôt disponible</h1>
      <p>
        <a href="/">Retour à la BDC</a>
      </p>
    </main>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <Placeholder />
  </StrictMode>,
);
