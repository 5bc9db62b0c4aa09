import { useEffect, useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { ApiError } from "../shared/api.ts";
import { Loading } from "../shared/ui.tsx";
import { DiffPage } from "../features/diff/DiffPage.tsx";
import { DraftPage } from "../features/draft/DraftPage.tsx";
import { GridListPage } from "../features/grids/GridListPage.tsx";
import { NewProposalPage } from "../features/proposals/NewProposalPage.tsx";
import { ProposalPage } from "../features/proposals/ProposalPage.tsx";
import { ProposalsPage } from "../features/proposals/ProposalsPage.tsx";
import { LoginPage } from "../features/session/LoginPage.tsx";
import { deleteSession, getSession, type Session } from "../features/session/session-api.ts";
import { Layout } from "./Layout.tsx";
import { SessionContext } from "./session-context.tsx";

function makeRouter(onLogout: () => void) {
  return createBrowserRouter(
    [
      {
        path: "/",
        element: <Layout onLogout={onLogout} />,
        children: [
          { index: true, element: <GridListPage /> },
          { path: "grilles/:code/brouillon", element: <DraftPage /> },
          { path: "grilles/:code/comparer", element: <DiffPage /> },
          { path: "grilles/:code/propositions", element: <ProposalsPage /> },
          { path: "grilles/:code/proposer", element: <NewProposalPage /> },
          { path: "propositions/:id", element: <ProposalPage /> },
          { path: "*", element: <p>Cette page n'existe pas. Revenez à la liste des grilles.</p> },
        ],
      },
    ],
    { basename: "/designer" },
  );
}

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [router] = useState(() => makeRouter(() => setSession(null)));

  useEffect(() => {
    getSession()
      .then(setSession)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setSession(null);
        else setSession(null);
      });
  }, []);

  if (session === undefined) return <Loading what="de la session" />;
  if (session === null) return <LoginPage onLogin={setSession} />;
  if (session.mustChangePassword) {
    return (
      <main className="page">
        <h1>Choisissez votre mot de passe</h1>
        <p>
          Le mot de passe que vous avez reçu est provisoire. Choisissez le vôtre dans l'application,
          puis revenez au concepteur de grilles.
        </p>
        <p>
          <a href="/mot-de-passe">Choisir mon mot de passe</a>
        </p>
        <button type="button" onClick={() => void deleteSession().then(() => setSession(null))}>
          Se déconnecter
        </button>
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <RouterProvider router={router} />
    </SessionContext.Provider>
  );
}
