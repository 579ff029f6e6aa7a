// Versioned asset URLs: `?v=` is a digest of the exact bytes the URL answers with, so a URL
// that carries the current version names bytes that can never change (docs/decisions/023).
import { createHash } from "node:crypto";

/** 16 hex digits of SHA-256: the version in a URL and the ETag of the bytes. */
export function contentVersion(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

export function versionedUrl(path: string, text: string): string {
  return `${path}?v=${contentVersion(text)}`;
}
