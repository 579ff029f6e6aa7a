// What server.ts hands every loader and action. Type-only imports: route modules must never
// pull services (and with them the database) into their bundle.
import type { Services } from "./services/index.server";
import type { SessionUser } from "./services/types";

export interface ForkcastContext {
  services: Services;
  user: SessionUser | null;
  sessionToken: string | undefined;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends ForkcastContext {}
}
