// /api/openapi.json, generated from the zod schemas the server parses with (open-api.ts), so the
// document cannot drift from what the endpoints accept and answer (docs/decisions/027).
import { z } from "zod";
import {
  API_BASE,
  commentPageSchema,
  commentSchema,
  commentsQuerySchema,
  errorSchema,
  forecastIdParam,
  forecastSchema,
  handleParam,
  headlineSchema,
  noQuerySchema,
  postIdParam,
  postPageSchema,
  postSchema,
  postSummarySchema,
  postsQuerySchema,
  authorSchema,
  userSchema,
} from "./open-api";

type Json = Record<string, unknown>;

/** The named schemas; everything that uses one refers to it by `#/components/schemas/<name>`. */
export const COMPONENTS: [string, z.ZodType][] = [
  ["Author", authorSchema],
  ["Headline", headlineSchema],
  ["PostSummary", postSummarySchema],
  ["Post", postSchema],
  ["PostPage", postPageSchema],
  ["Comment", commentSchema],
  ["CommentPage", commentPageSchema],
  ["User", userSchema],
  ["Forecast", forecastSchema],
  ["Error", errorSchema],
];

export interface Endpoint {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  pathParams: { name: string; schema: z.ZodType; example: string | number }[];
  query: z.ZodObject;
  response: string;
  /** Whether the answer is a page with a `next` link (also sent as a Link header). */
  paged: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  {
    path: `${API_BASE}/posts`,
    operationId: "listPosts",
    summary: "List posts",
    description: "Posts, newest first, a page at a time.",
    pathParams: [],
    query: postsQuerySchema,
    response: "PostPage",
    paged: true,
  },
  {
    path: `${API_BASE}/posts/{id}`,
    operationId: "getPost",
    summary: "Get a post",
    description: "A post with its rendered body.",
    pathParams: [{ name: "id", schema: postIdParam, example: 1 }],
    query: noQuerySchema,
    response: "Post",
    paged: false,
  },
  {
    path: `${API_BASE}/posts/{id}/comments`,
    operationId: "listComments",
    summary: "List a post's comments",
    description: "The thread in the order it was written, a page at a time. Deleted and removed comments keep their place (so replies to them still have a parent) and nothing else.",
    pathParams: [{ name: "id", schema: postIdParam, example: 1 }],
    query: commentsQuerySchema,
    response: "CommentPage",
    paged: true,
  },
  {
    path: `${API_BASE}/users/{handle}`,
    operationId: "getUser",
    summary: "Get a user",
    description: "A public profile.",
    pathParams: [{ name: "handle", schema: handleParam, example: "ada" }],
    query: noQuerySchema,
    response: "User",
    paged: false,
  },
  {
    path: `${API_BASE}/forecasts/{id}`,
    operationId: "getForecast",
    summary: "Get a forecast",
    description: "A post's forecast, a fork or a question, with its headline numbers and inputs. A fork whose comment was deleted or removed is not found.",
    pathParams: [{ name: "id", schema: forecastIdParam, example: 1 }],
    query: noQuerySchema,
    response: "Forecast",
    paged: false,
  },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Bounds zod states for every integer and every ISO date, which say nothing a reader needs. */
const tidy = ({ jsonSchema }: { jsonSchema: Json }) => {
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.format === "date-time") delete jsonSchema.pattern;
};

/** A JSON Schema as an OpenAPI 3.1 Schema Object: the dialect is the document's, ids are its refs. */
function bare(schema: Json): Json {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of COMPONENTS) registry.add(schema, { id: name });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, override: tidy }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, bare(schema)]));
}

function parameters(endpoint: Endpoint): Json[] {
  const inPath = endpoint.pathParams.map((p) => {
    const schema = bare(z.toJSONSchema(p.schema, { io: "input", override: tidy }) as Json);
    const description = schema.description;
    delete schema.description;
    return { name: p.name, in: "path", required: true, description, schema, example: p.example };
  });
  const query = z.toJSONSchema(endpoint.query, { io: "input", override: tidy }) as { properties?: Record<string, Json>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, property]) => {
    const schema = { ...property };
    const description = schema.description;
    delete schema.description;
    return { name, in: "query", required: (query.required ?? []).includes(name), description, schema };
  });
  return [...inPath, ...inQuery];
}

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });

export function openApiDocument(origin: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of ENDPOINTS) {
    const headers: Json = {
      ETag: { description: "Send it back as If-None-Match to get a 304 when nothing changed.", schema: { type: "string" } },
      ...(e.paged ? { Link: { description: 'The next page as rel="next", when there is one.', schema: { type: "string" } } } : {}),
    };
    paths[e.path] = {
      get: {
        operationId: e.operationId,
        summary: e.summary,
        description: e.description,
        parameters: parameters(e),
        responses: {
          "200": { description: "OK", headers, content: { "application/json": { schema: ref(e.response) } } },
          "400": errorResponse("A parameter is not valid; `errors` names it."),
          ...(e.pathParams.length ? { "404": errorResponse("There is no such item, or it is not public.") } : {}),
          "429": { ...errorResponse("Too many reads from this address; wait as long as Retry-After says."), headers: { "Retry-After": { description: "Seconds until the limit resets.", schema: { type: "integer" } } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Forkcast API",
      version: "1.0.0",
      description:
        "Read-only JSON for posts, comments, users and forecasts, as signed-out readers see them. Any site may call it from the browser (CORS, without credentials). Lists are paged by an opaque cursor: follow `next`. Reads are limited per network address; a 429 says when to come back. Tags are not in the API yet.",
    },
    servers: [{ url: origin }],
    paths,
    components: { schemas: componentSchemas() },
  };
}
