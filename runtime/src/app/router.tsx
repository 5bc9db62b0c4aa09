import { lazy, Suspense } from "react";
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from "react-router";
import { ErrorAlert, Loading } from "../shared/Alert.tsx";
import { LoginPage } from "../features/session/LoginPage.tsx";
import { GridsPage } from "../features/grids/GridsPage.tsx";
import { FillPage } from "../features/grids/FillPage.tsx";
import { RecordsPage } from "../features/records/RecordsPage.tsx";
import { RecordPage } from "../features/records/RecordPage.tsx";
import { YouthPage } from "../features/youth/YouthPage.tsx";
import { YouthFilePage } from "../features/youth/YouthFilePage.tsx";
import { TablesPage } from "../features/tables/TablesPage.tsx";
import { PasswordPage } from "../features/session/PasswordPage.tsx";
import { AdminLayout } from "../features/admin/AdminLayout.tsx";
import { UsersPage } from "../features/admin/UsersPage.tsx";
import { ServicesPage } from "../features/admin/ServicesPage.tsx";
import { JournalPage } from "../features/admin/JournalPage.tsx";
import { canManagePersonalData, isAdmin, Layout } from "./Layout.tsx";
import { useSession } from "./session-context.tsx";
import { homePath } from "./navigation.ts";
import { NotFound } from "./NotFound.tsx";

// Handsontable is loaded only when a table is opened (deps.md 2.5).
const TablePage = lazy(() => import("../features/tables/TablePage.tsx"));
const TableBuilderPage = lazy(() => import("../features/tables/TableBuilderPage.tsx"));

/** Roles that may save a table definition (the server checks it again). */
const TABLE_AUTHOR_ROLES = [
  "service_head",
  "association_admin",
  "copil",
  "analyst",
  "platform_admin",
];

export function AppRoutes() {
  return (
    <BrowserRouter>
      <Gate />
    </BrowserRouter>
  );
}

/** Shows the login page until a session exists, then the app at the address asked for. */
function Gate() {
  const { state, signedIn, retry } = useSession();
  const location = useLocation();

  if (state.status === "loading") return <Loading what="de la session" />;
  if (state.status === "failed") {
    return (
      <main className="page">
        <ErrorAlert error={state.error}>
          <button type="button" onClick={retry}>
            Réessayer
          </button>
        </ErrorAlert>
      </main>
    );
  }
  if (state.status === "anonymous") {
    if (location.pathname !== "/connexion") {
      return (
        <Navigate to="/connexion" replace state={{ from: location.pathname + location.search }} />
      );
    }
    return <LoginPage onSignedIn={signedIn} />;
  }

  if (state.session.mustChangePassword) {
    return (
      <Routes>
        <Route element={<Layout session={state.session} />}>
          <Route path="*" element={<PasswordPage provisional />} />
        </Route>
      </Routes>
    );
  }

  const canAuthorTables = state.session.roles.some((r) => TABLE_AUTHOR_ROLES.includes(r.role));
  return (
    <Routes>
      <Route path="/connexion" element={<AfterLogin home={homePath(state.session)} />} />
      <Route element={<Layout session={state.session} />}>
        <Route index element={<Navigate to={homePath(state.session)} replace />} />
        <Route path="grilles" element={<GridsPage />} />
        <Route path="grilles/:code" element={<FillPage />} />
        <Route path="fiches" element={<RecordsPage />} />
        <Route path="fiches/:id" element={<RecordPage />} />
        <Route path="jeunes" element={<YouthPage />} />
        <Route
          path="jeunes/:id"
          element={<YouthFilePage canManageData={canManagePersonalData(state.session)} />}
        />
        <Route path="tableaux" element={<TablesPage canAuthor={canAuthorTables} />} />
        <Route
          path="tableaux/nouveau"
          element={
            canAuthorTables ? (
              <Suspense fallback={<Loading what="du créateur de tableaux" />}>
                <TableBuilderPage />
              </Suspense>
            ) : (
              <section>
                <h1>Nouveau tableau</h1>
                <p>
                  Votre rôle ne permet pas de créer des tableaux : demandez-le à votre chef·fe de
                  service ou à l'administrateur·rice de votre association.
                </p>
                <Link to="/tableaux">← Tous les tableaux</Link>
              </section>
            )
          }
        />
        <Route
          path="tableaux/:code"
          element={
            <Suspense fallback={<Loading what="du tableau" />}>
              <TablePage canAuthor={canAuthorTables} />
            </Suspense>
          }
        />
        <Route path="mot-de-passe" element={<PasswordPage />} />
        <Route path="administration" element={<AdminLayout allowed={isAdmin(state.session)} />}>
          <Route index element={<Navigate to="comptes" replace />} />
          <Route path="comptes" element={<UsersPage />} />
          <Route path="services" element={<ServicesPage />} />
          <Route path="journal" element={<JournalPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** Once signed in, go back where the person was heading. */
function AfterLogin({ home }: { home: string }) {
  const from = (useLocation().state as { from?: string } | null)?.from;
  const fresh = !from || from === "/connexion" || from === "/";
  return <Navigate to={fresh ? home : from} replace />;
}
