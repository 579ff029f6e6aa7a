import { SHARED_PAGE } from "~/utils/shared-page";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useRouteError } from "@remix-run/react";
import serif from "@fontsource-variable/source-serif-4/opsz.css?url";
import serifItalic from "@fontsource-variable/source-serif-4/opsz-italic.css?url";
import sans from "@fontsource-variable/inter/index.css?url";
import katexCss from "katex/dist/katex.min.css?url";
import styles from "./styles/app.css?url";
import moderationStyles from "./styles/moderation.css?url";
import { ErrorPage } from "./components/error-page";
import { useNonce, ZodJitlessScript } from "./components/nonce";
import { useUserLive } from "./live/use-user-live";
import { randomKey } from "./components/submission-key";
import { Announcer } from "./components/announcer";
import { SearchBox } from "./components/search-box";

export const handle = SHARED_PAGE;

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: serif },
  { rel: "stylesheet", href: serifItalic },
  { rel: "stylesheet", href: sans },
  { rel: "stylesheet", href: katexCss },
  { rel: "stylesheet", href: styles },
  { rel: "stylesheet", href: moderationStyles },
];

export const meta: MetaFunction = () => [{ title: "Forkcast" }, { name: "description", content: "Discuss forecasts by forking their assumptions." }];

export async function loader({ context, request }: LoaderFunctionArgs) {
  // The site's own address as this request reached it: embed snippets name it (components/embed-button.tsx).
  const origin = new URL(request.url).origin;
  // New on every render of the page and after every action: reply forms build their
  // submission keys from it (components/submission-key.ts).
  const user = context.user;
  // Signed out, no form takes a key: the page stays the same bytes for every reader, so it can
  // answer 304 (server/conditional.ts).
  if (!user) return { user: null, unread: 0, openReports: 0, formSeed: "", origin };
  const formSeed = randomKey();
  const staff = user.role === "moderator" || user.role === "admin";
  return {
    user: { handle: user.handle, displayName: user.displayName, role: user.role, karma: user.karma },
    unread: user.unread,
    openReports: staff ? await context.services.reports.openCount() : 0,
    formSeed,
    origin,
  };
}

/** Embed pages (routes with `handle.embed`) are framed by other sites: no site chrome, and no script at all. */
function useEmbedPage(): boolean {
  return useMatches().some((m) => (m.handle as { embed?: boolean } | undefined)?.embed === true);
}

interface HeaderProps {
  user: { handle: string; displayName: string; karma: number; role: string } | null;
  unread: number;
  openReports: number;
}

export function Layout({ children }: { children: React.ReactNode }) {
  // Set only during SSR (entry.server.tsx); the CSP admits exactly these inline scripts.
  const nonce = useNonce();
  const embed = useEmbedPage();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {embed ? null : <ZodJitlessScript nonce={nonce} />}
        <Links />
      </head>
      <body>
        {children}
        {embed ? null : (
          <>
            <Announcer />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

function Header({ user, unread, openReports }: HeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand" aria-label="Forkcast home">
          <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" />
            <path d="M10 6v8c0 3 2 5 6 5s6 2 6 5v2M22 6v8c0 3-2 5-6 5" />
          </svg>
          Forkcast
        </Link>
        <SearchBox />
        <nav className="site-nav" aria-label="Main">
          <NavLink to="/" end>
            Posts
          </NavLink>
          <NavLink to="/tags">Tags</NavLink>
          {user ? (
            <>
              <NavLink to="/posts/new">Write</NavLink>
              {user.role !== "member" ? (
                <NavLink to="/moderation/reports" className="site-nav__reports">
                  Reports{openReports ? <span className="badge" aria-label={`${openReports} open`}>{openReports}</span> : null}
                </NavLink>
              ) : null}
              <NavLink to="/notifications" className="site-nav__bell" aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}>
                <svg viewBox="0 0 20 20" aria-hidden="true" className="bell">
                  <path d="M10 2.5a5 5 0 0 0-5 5v3.2L3.5 13.5h13L15 10.7V7.5a5 5 0 0 0-5-5ZM8 15.5a2 2 0 0 0 4 0" />
                </svg>
                {unread ? <span className="badge" data-testid="unread-count">{unread > 99 ? "99+" : unread}</span> : null}
              </NavLink>
              <NavLink to={`/users/${user.handle}`} className="site-nav__me">
                {user.displayName} <span className="karma" title="Karma">{user.karma}</span>
              </NavLink>
              <Form method="post" action="/logout" className="inline-form">
                <button type="submit" className="link-button">
                  Log out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">Log in</NavLink>
              <NavLink to="/signup" className="button button--small">
                Sign up
              </NavLink>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}

export default function App() {
  const { user, unread: loadedUnread, openReports } = useLoaderData<typeof loader>();
  const embed = useEmbedPage();
  const { unread, endedReason } = useUserLive(user !== null && !embed, loadedUnread);
  if (embed) return <Outlet />;
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header user={user} unread={unread} openReports={openReports} />
      {endedReason && !user ? (
        <p className="session-ended" role="status">
          {endedReason} <Link to="/login">Log in</Link>
        </p>
      ) : null}
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        Forkcast — argue about forecasts by changing their assumptions. <Link to="/">All posts</Link> · <Link to="/moderation">Moderation log</Link> · <Link to="/api">API</Link>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <>
      <Header user={null} unread={0} openReports={0} />
      <main id="main" className="site-main">
        <ErrorPage error={error} />
      </main>
    </>
  );
}
