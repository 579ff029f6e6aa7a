// Plain shapes services hand to routes. Type-only for routes: they never import services.
import type { Role } from "../../db/schema/users";
import type { CommentStatus } from "../../db/schema/comments";

export interface SessionUser {
  id: number;
  handle: string;
  displayName: string;
  role: Role;
  karma: number;
  bannedUntil: number | null;
}

export interface AuthorRef {
  id: number;
  handle: string;
  displayName: string;
}

export interface PostSummary {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  score: number;
  commentCount: number;
  createdAt: number;
  editedAt: number | null;
  forecastId: number | null;
  author: AuthorRef;
  viewerVote: number;
}

export interface PostView extends PostSummary {
  markdown: string;
  html: string;
  lockedAt: number | null;
  lockReason: string | null;
  forkingDisabled: boolean;
  slowModeSeconds: number;
}

export interface CommentView {
  id: number;
  postId: number;
  parentId: number | null;
  depth: number;
  createdAt: number;
  editedAt: number | null;
  status: CommentStatus;
  /** Empty unless status is visible: deleted and removed bodies never leave the server. */
  html: string;
  markdown: string;
  score: number;
  agreeScore: number;
  /** The fork this comment carries, if any. */
  forecastId: number | null;
  /** Set when a moderator removed it: shown in place of the body. */
  removalReason: string | null;
  modNote: string | null;
  /** Folded away by the post's author as off-topic. */
  collapsed: boolean;
  author: AuthorRef;
  viewerVote: number;
  viewerAgree: number;
}

export interface ProfileItem {
  kind: "post" | "comment";
  id: number;
  title: string;
  excerpt: string;
  score: number;
  createdAt: number;
  href: string;
}
