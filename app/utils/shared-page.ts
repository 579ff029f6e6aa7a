// A route marked with this handle renders, for a signed-out reader, from nothing but the data
// and the URL: no cookie, header, limit or clock. Its documents may be kept between writes
// and given to every signed-out reader (server/page-cache.ts, docs/decisions/031). The page
// is kept only when every route it matches, the root included, is marked.
export const SHARED_PAGE = { sharedPage: true } as const;
