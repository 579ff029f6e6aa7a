import { Link } from "@remix-run/react";

/** Sort links: plain GETs, so every ordering has a URL people can share. */
export function SortTabs({ current, options, params }: { current: string; options: readonly string[]; params: URLSearchParams }) {
  return (
    <nav className="sort-tabs" aria-label="Sort">
      {options.map((o) => {
        const next = new URLSearchParams(params);
        next.set("sort", o);
        next.delete("page");
        return (
          <Link key={o} to={`?${next.toString()}`} className={o === current ? "is-current" : undefined} aria-current={o === current ? "true" : undefined} preventScrollReset>
            {o[0]!.toUpperCase() + o.slice(1)}
          </Link>
        );
      })}
    </nav>
  );
}
