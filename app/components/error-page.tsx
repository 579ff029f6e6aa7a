import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

/** Shared by every route's error boundary: a 404 reads as "not found", anything else stays generic. */
export function ErrorPage({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const data = typeof error.data === "string" ? error.data : (error.data as { message?: string } | null)?.message;
    // Remix's own wording for an address no route serves names the router, not the reader's problem.
    const message = data && /No route matches URL/.test(data) ? "There is no page at this address. The link may be mistyped, or the page may have moved." : data;
    const title =
      { 401: "Log in to continue", 403: "Not allowed", 404: "Not found", 429: "Slow down" }[error.status] ?? "Something went wrong";
    return (
      <section className="error-page" role="alert">
        <p className="error-page__status">{error.status}</p>
        <h1>{title}</h1>
        <p>{message || error.statusText || "We could not handle that request."}</p>
        <p>
          {error.status === 401 ? (
            <>
              <Link to="/login">Log in</Link> ·{" "}
            </>
          ) : null}
          <Link to="/">Back to all posts</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page" role="alert">
      <p className="error-page__status">500</p>
      <h1>Something went wrong</h1>
      <p>We hit an unexpected error. Nothing you wrote was lost; try again in a moment.</p>
      <p>
        <Link to="/">Back to all posts</Link>
      </p>
    </section>
  );
}

/** Every route's error boundary: `export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";`. */
export function RouteErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
