// Who may do what, decided in one place. Pure: the caller passes the actor as loaded for this
// request and the facts about the target; every channel (Remix actions, the JSON API, the
// socket) asks here and enforces the answer. See docs/decisions/009-permissions.md.
//
// A permission reads `action:entity:scope`. `own` means the actor owns the target — their
// comment, or, for thread settings, the post the target lives on; `any` covers everyone's.

export type Role = "member" | "moderator" | "admin";
export type Scope = "own" | "any";

export const ACTIONS = [
  "create:post",
  "edit:post",
  "edit:sequence",
  "create:comment",
  "create:fork",
  "edit:comment",
  "delete:comment",
  "rebase:fork",
  "vote:content",
  "create:report",
  "lock:post",
  "disable-forking:post",
  "slow-mode:post",
  "collapse:comment",
  "ban-from-post:user",
  "remove:comment",
  "note:comment",
  "resolve:report",
  "ban:user",
  "grant:moderator",
  "edit:tag-wiki",
  "create:tag",
] as const;
export type Action = (typeof ACTIONS)[number];
export type Permission = `${Action}:${Scope}`;

const MEMBER: Permission[] = [
  "create:post:any",
  "edit:post:own",
  "edit:sequence:own",
  "create:comment:any",
  "create:fork:any",
  "edit:comment:own",
  "delete:comment:own",
  "rebase:fork:own",
  "vote:content:any",
  "create:report:any",
  // Author moderation, as LessWrong gives authors on their own posts.
  "disable-forking:post:own",
  "collapse:comment:own",
  "ban-from-post:user:own",
  // Tags are shared: any member may try, and decide() asks for karma (TAG_WIKI_MIN_KARMA).
  "edit:tag-wiki:any",
  "create:tag:any",
];

const MODERATOR: Permission[] = [
  ...MEMBER,
  "lock:post:any",
  "disable-forking:post:any",
  "slow-mode:post:any",
  "collapse:comment:any",
  "ban-from-post:user:any",
  "remove:comment:any",
  "note:comment:any",
  "resolve:report:any",
  "ban:user:any",
];

const ADMIN: Permission[] = [...MODERATOR, "grant:moderator:any"];

export const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(MEMBER),
  moderator: new Set(MODERATOR),
  admin: new Set(ADMIN),
};

export interface Actor {
  id: number;
  role: Role;
  bannedUntil: number | null;
  /** As loaded for this request; only the karma-gated actions read it. */
  karma?: number;
}

/**
 * Karma a member needs to edit a tag's wiki page or start a new tag. Data, not code: change it
 * here and every channel follows. Moderators are exempt.
 */
export const TAG_WIKI_MIN_KARMA = 10;

/** Actions open to members only once their writing has earned some karma. */
const KARMA_GATED = new Set<Action>(["edit:tag-wiki", "create:tag"]);

/** Facts about the thread an action touches; omitted where the action has no thread. */
export interface ThreadFacts {
  authorId: number;
  lockedAt: number | null;
  lockReason: string | null;
  forkingDisabled: boolean;
  /** The actor is barred from commenting on this post by its author or a moderator. */
  actorBannedHere: boolean;
}

export interface Target {
  /** Who owns the target: the comment's author for comment actions, the post's author for post ones. */
  ownerId?: number | null;
  thread?: ThreadFacts;
  /** For bans and grants: the role of the user acted on. */
  subjectRole?: Role;
}

export type Decision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const ALLOW: Decision = { ok: true };
const refuse = (status: 401 | 403, reason: string): Decision => ({ ok: false, status, reason });

export const isStaff = (actor: { role: Role } | null): boolean => actor?.role === "moderator" || actor?.role === "admin";

/** Who is reading: the signed-in user with their role as loaded for this request, or nobody. */
export type Viewer = { id: number; role: Role } | null;

/** Mirrors db/schema COMMENT_STATUSES, which this pure module may not import. */
export type CommentStatus = "visible" | "deleted" | "removed";

/** Statuses whose words anyone may read; queries for public aggregates filter on these. */
export const PUBLIC_COMMENT_STATUSES = ["visible"] as const satisfies readonly CommentStatus[];

/**
 * What a reader may see of a comment's words: its body, its edit history, and the fork it
 * carries (reasons included). Every read path asks here. Deleted and removed writing is gone
 * for everyone, its author too; moderators still see it ("staff"), marked, so they can review
 * and restore it.
 */
export function commentVisibility(viewer: Viewer, comment: { status: CommentStatus }): "shown" | "staff" | "hidden" {
  if ((PUBLIC_COMMENT_STATUSES as readonly CommentStatus[]).includes(comment.status)) return "shown";
  return isStaff(viewer) ? "staff" : "hidden";
}

export function isBanned(actor: Actor | null, now: number): boolean {
  return actor?.bannedUntil != null && actor.bannedUntil > now;
}

export function hasPermission(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && GRANTS[actor.role].has(permission);
}

/** Actions that add to a thread, refused while it is locked. */
const THREAD_WRITES = new Set<Action>(["create:comment", "create:fork", "rebase:fork"]);

export function decide(actor: Actor | null, action: Action, target: Target, now: number): Decision {
  if (!actor) return refuse(401, "Log in to do that.");
  if (isBanned(actor, now)) return refuse(403, `${banText(actor.bannedUntil!)}: you can read, but not post, reply, vote, fork or report.`);

  const owns = target.ownerId != null && target.ownerId === actor.id;
  const ownsThread = target.thread !== undefined && target.thread.authorId === actor.id;
  // Thread settings are "own" for the post's author, whatever the target inside it.
  const ownScope = action === "collapse:comment" || action === "ban-from-post:user" ? ownsThread : owns;
  const allowed = hasPermission(actor, `${action}:any`) || (ownScope && hasPermission(actor, `${action}:own`));
  if (!allowed) return refuse(403, deniedReason(action));

  if ((action === "ban:user" || action === "ban-from-post:user") && target.subjectRole && target.subjectRole !== "member") {
    return refuse(403, "Moderators and admins cannot be banned; an admin can revoke the role first.");
  }
  if ((action === "ban:user" || action === "ban-from-post:user") && target.ownerId === actor.id) {
    return refuse(403, "You cannot ban yourself.");
  }

  if (KARMA_GATED.has(action) && !isStaff(actor) && (actor.karma ?? 0) < TAG_WIKI_MIN_KARMA) {
    const what = action === "create:tag" ? "start a new tag" : "edit tag wiki pages";
    return refuse(403, `You need ${TAG_WIKI_MIN_KARMA} karma to ${what}; you have ${actor.karma ?? 0}. Use existing tags, or ask a moderator.`);
  }

  const thread = target.thread;
  if (thread && THREAD_WRITES.has(action) && !isStaff(actor)) {
    if (thread.lockedAt !== null) return refuse(403, `This thread is locked${thread.lockReason ? `: ${thread.lockReason}` : "."}`);
    if (thread.actorBannedHere) return refuse(403, "The author of this post has barred you from commenting on it.");
  }
  if (thread && (action === "create:fork" || action === "rebase:fork") && thread.forkingDisabled) {
    return refuse(403, "Forking is turned off on this post; reply without a fork.");
  }
  return ALLOW;
}

/** Mirrors db/schema PERMANENT_BAN (9999-12-31), which this pure module may not import. */
const FOR_GOOD = 253402300799000;

export function banText(bannedUntil: number): string {
  return bannedUntil >= FOR_GOOD ? "Your account is banned" : `Your account is banned until ${new Date(bannedUntil).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Seconds a user must still wait under slow mode, or 0. Authors and moderators are exempt by the caller. */
export function slowModeWait(slowModeSeconds: number, lastReplyAt: number | null, now: number): number {
  if (slowModeSeconds <= 0 || lastReplyAt === null) return 0;
  return Math.max(0, Math.ceil((lastReplyAt + slowModeSeconds * 1000 - now) / 1000));
}

function deniedReason(action: Action): string {
  switch (action) {
    case "edit:post":
      return "Only the author can edit this post.";
    case "edit:sequence":
      return "Only the author can change this sequence.";
    case "edit:comment":
      return "Only the author can edit this comment.";
    case "delete:comment":
      return "Only the author can delete this comment.";
    case "rebase:fork":
      return "Only the fork's author can rebase it.";
    case "disable-forking:post":
      return "Only the post's author or a moderator can change forking.";
    case "collapse:comment":
    case "ban-from-post:user":
      return "Only the post's author or a moderator can do that here.";
    case "grant:moderator":
      return "Only admins grant and revoke the moderator role.";
    default:
      return "Only moderators can do that.";
  }
}

/** Moderators are exempt from rate limits everywhere; authors inside their own threads. */
export function exemptFromLimits(actor: Actor, thread?: { authorId: number }): boolean {
  return isStaff(actor) || (thread !== undefined && thread.authorId === actor.id);
}
