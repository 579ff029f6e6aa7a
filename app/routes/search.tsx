import { SHARED_PAGE } from "~/utils/shared-page";
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { retryAfter, runSearch } from "~/actions/search.server";
import { Time } from "~/components/time";
import { SEARCH_MAX_LENGTH } from "~/discussion/search";
import type { SearchHit } from "~/services/types";
import searchCss from "~/styles/search.css?url";

export const handle = SHARED_PAGE;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchCss }];

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d && d.values.q ? `“${d.values.q}” · Search · Forkcast` : "Search · Forkcast" }, { name: "robots", content: "noindex" }];

// GET /search?q=&author=&forecast=1&from=&to=&type= — a plain form, so it works without JavaScript.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (!url.searchParams.has("q") && url.searchParams.size === 0) return { values: {} as Record<string, string>, error: null, results: null };
  const outcome = await runSearch(context, url, 20);
  if (!outcome.ok) {
    // A blank box is not a mistake: the page just asks for words.
    const blank = (outcome.values.q ?? "").trim() === "";
    return data({ values: outcome.values, error: outcome.error, results: null }, { status: blank && outcome.status === 400 ? 200 : outcome.status, headers: retryAfter(outcome) });
  }
  const { query, results } = outcome;
  const values: Record<string, string> = { q: query.q, author: query.author ?? "", from: query.from ?? "", to: query.to ?? "", type: query.type, forecast: query.forecast ? "1" : "" };
  return { values, error: null, results };
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className={`search-hit search-hit--${hit.kind}`}>
      <Link to={hit.url} className="search-hit__title">
        {hit.kind === "comment" ? <span className="search-hit__on">Comment on </span> : null}
        <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
      </Link>
      {hit.snippetHtml ? <p className="search-hit__snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} /> : null}
      <p className="search-hit__meta">
        {hit.author ? (
          <>
            <Link to={`/users/${hit.author.handle}`}>{hit.author.displayName}</Link> ·{" "}
          </>
        ) : null}
        {hit.kind === "user" ? "joined " : null}
        <Time at={hit.createdAt} />
        {hit.hasForecast ? <span className="badge search-hit__badge">{hit.kind === "comment" ? "fork" : "forecast"}</span> : null}
      </p>
    </li>
  );
}

function Section({ title, hits, id }: { title: string; hits: SearchHit[]; id: string }) {
  if (hits.length === 0) return null;
  return (
    <section className="search-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({hits.length})</span>
      </h2>
      <ol className="search-hits">
        {hits.map((h) => (
          <Hit key={`${h.kind}-${h.id}`} hit={h} />
        ))}
      </ol>
    </section>
  );
}

export default function SearchPage() {
  const { values, error, results } = useLoaderData<typeof loader>();
  const none = results && results.posts.length + results.comments.length + results.users.length === 0;
  return (
    <div className="search-page">
      <h1>Search</h1>
      <Form method="get" action="/search" className="search-form" role="search" aria-label="Search with filters">
        <div className="search-form__main">
          <label htmlFor="search-page-q" className="visually-hidden">
            Search posts, comments and people
          </label>
          <input id="search-page-q" type="search" name="q" defaultValue={values.q ?? ""} maxLength={SEARCH_MAX_LENGTH * 2} placeholder="Words to find" aria-invalid={error ? true : undefined} aria-describedby={error ? "search-error" : undefined} />
          <button type="submit" className="button">
            Search
          </button>
        </div>
        <fieldset className="search-form__filters">
          <legend>Filters</legend>
          <label>
            Author <input type="text" name="author" defaultValue={values.author ?? ""} placeholder="handle" size={10} />
          </label>
          <label>
            From <input type="date" name="from" defaultValue={values.from ?? ""} />
          </label>
          <label>
            To <input type="date" name="to" defaultValue={values.to ?? ""} />
          </label>
          <label>
            Show{" "}
            <select name="type" defaultValue={values.type ?? "all"}>
              <option value="all">everything</option>
              <option value="posts">posts</option>
              <option value="comments">comments</option>
              <option value="users">people</option>
            </select>
          </label>
          <label className="search-form__check">
            <input type="checkbox" name="forecast" value="1" defaultChecked={values.forecast === "1"} /> Has a forecast
          </label>
        </fieldset>
      </Form>
      {error ? (
        <p id="search-error" className="search-message" role="alert">
          {error}
        </p>
      ) : null}
      {none ? <p className="search-message">Nothing matches every word of that search{values.author || values.from || values.to || values.forecast ? " with these filters" : ""}.</p> : null}
      {results ? (
        <>
          <Section id="search-posts" title="Posts" hits={results.posts} />
          <Section id="search-comments" title="Comments" hits={results.comments} />
          <Section id="search-users" title="People" hits={results.users} />
        </>
      ) : null}
    </div>
  );
}
