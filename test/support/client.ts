// A small HTTP client with a cookie jar, so tests drive the server as a browser would.
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: string, path: string, init: { form?: Record<string, string | number>; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined = init.body;
    if (init.form) {
      body = new URLSearchParams(Object.entries(init.form).map(([k, v]) => [k, String(v)])).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers.origin ??= this.base;
    }
    const res = await fetch(this.base + path, { method, headers, body, redirect: "manual" });
    this.remember(res.headers);
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request("GET", path, { headers });
  }

  post(path: string, form: Record<string, string | number>, headers?: Record<string, string>) {
    return this.request("POST", path, { form, headers });
  }

  async signup(handle: string, password = "correct horse battery", displayName = handle.toUpperCase()) {
    const res = await this.post("/signup", { handle, displayName, password });
    if (res.status !== 302) throw new Error(`signup failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res;
  }

  async login(handle: string, password = "correct horse battery") {
    return this.post("/login", { handle, password, redirectTo: "/" });
  }

  /** Creates a post and returns its slug. */
  async createPost(title: string, markdown = "A body with $x^2$.") {
    const res = await this.post("/posts/new", { title, markdown });
    if (res.status !== 302 || !res.location) throw new Error(`post failed: ${res.status} ${res.text.slice(0, 300)}`);
    return res.location.replace("/posts/", "");
  }

  async reply(slug: string, markdown: string, parentId: number | "" = "") {
    return this.post(`/posts/${slug}`, { intent: "reply", markdown, parentId });
  }
}

/** A new client of the server at `url`, signed up (and so logged in) as `handle`. */
export async function signedUpClient(url: string, handle: string): Promise<Client> {
  const client = new Client(url);
  await client.signup(handle);
  return client;
}

/** The Cookie header a browser would send with this client's jar (for socket.io clients). */
export function cookieOf(client: Client): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Pulls the visible text of the first element with the given class out of rendered HTML. */
export function textOf(html: string, className: string): string | null {
  const m = new RegExp(`class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)<`, "i").exec(html);
  return m ? m[1]!.trim() : null;
}
