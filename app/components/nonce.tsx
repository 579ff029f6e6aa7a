// The per-request CSP nonce, from entry.server.tsx down to the components that render inline
// scripts. A React context rather than loader data: the nonce never enters the serialized
// route data (nor `.data` responses, where it would belong to a different request), and on
// the client the context is simply empty, which is right — scripts are only nonced in SSR.
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

// Zod 4 builds fast object parsers with `new Function` and decides whether it may while each
// z.object() is *constructed* — at module evaluation, before entry.client.tsx runs — and even
// its "may I eval?" probe is reported as a CSP violation. Zod reads its config from
// globalThis.__zod_globalConfig, so this classic inline script, which runs before any module
// script, turns the JIT off in the browser ahead of every schema. Constant text, no user data.
const ZOD_JITLESS = "(globalThis.__zod_globalConfig??={}).jitless=true;";

export function ZodJitlessScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />;
}
