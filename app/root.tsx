import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError } from "@remix-run/react";
import serif from "@fontsource-variable/source-serif-4/opsz.css?url";
import serifItalic from "@fontsource-variable/source-serif-4/opsz-italic.css?url";
import sans from "@fontsource-variable/inter/index.css?url";
import katexCss from "katex/dist/katex.min.css?url";
import styles from "./styles/app.css?url";
import { ErrorPage } from "./components/error-page";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: serif },
  { rel: "stylesheet", href: serifItalic },
  { rel: "stylesheet", href: sans },
  { rel: "stylesheet", href: katexCss },
  { rel: "stylesheet", href: styles },
];

export const meta: MetaFunction = () => [{ title: "Forkcast" }, { name: "description", content: "Discuss forecasts by forking their assumptions." }];

export async function loader({ context }: LoaderFunctionArgs) {
  const user = context.user;
  return { user: user ? { handle: user.handle, displayName: user.displayName, role: user.role, karma: user.karma } : null };
}

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function Header({ user }: { user: { handle: string; displayName: string; karma: number } | null }) {
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
        <nav className="site-nav" aria-label="Main">
          <NavLink to="/" end>
            Posts
          </NavLink>
          {user ? (
            <>
              <NavLink to="/posts/new">Write</NavLink>
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
  const { user } = useLoaderData<typeof loader>();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header user={user} />
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        Forkcast — argue about forecasts by changing their assumptions. <Link to="/">All posts</Link>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  return (
    <>
      <Header user={null} />
      <main id="main" className="site-main">
        <ErrorPage error={error} />
      </main>
    </>
  );
}
