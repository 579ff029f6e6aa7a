// The forms of moderation and trust: thread tools, reports, bans, roles, passwords. Shared by
// the forms (client) and the actions (server), like ./schemas.
import { z } from "zod";
import { handleSchema, idSchema, passwordSchema } from "./schemas";

const reason = z.string({ error: "Give a reason; it is shown in the public log." }).trim().min(3, "Give a reason of a few words; it is shown in the public log.").max(500, "Keep the reason under 500 characters.");
const optionalReason = z.string().trim().max(500, "Keep the reason under 500 characters.").optional().default("");
const flag = z.enum(["1", "0"]).transform((v) => v === "1");

export const SLOW_MODE_MINUTES = [0, 1, 5, 15, 60] as const;

export const moderationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("lock-post"), reason }),
  z.object({ intent: z.literal("unlock-post"), reason: optionalReason }),
  z.object({ intent: z.literal("set-forking"), disabled: flag, reason: optionalReason }),
  z.object({
    intent: z.literal("set-slow-mode"),
    minutes: z.coerce.number().refine((m) => (SLOW_MODE_MINUTES as readonly number[]).includes(m), `Slow mode is one of ${SLOW_MODE_MINUTES.join(", ")} minutes.`),
    reason: optionalReason,
  }),
  z.object({ intent: z.literal("remove-comment"), commentId: idSchema, reason }),
  z.object({ intent: z.literal("restore-comment"), commentId: idSchema, reason: optionalReason }),
  z.object({ intent: z.literal("note-comment"), commentId: idSchema, note: z.string().trim().max(1000, "Keep the note under 1,000 characters.") }),
  z.object({ intent: z.literal("collapse-comment"), commentId: idSchema, collapsed: flag }),
  z.object({ intent: z.literal("ban-from-post"), handle: handleSchema, reason: optionalReason }),
  z.object({ intent: z.literal("unban-from-post"), handle: handleSchema }),
  z.object({
    intent: z.literal("report"),
    targetType: z.enum(["post", "comment", "fork"], { error: "Report a post, a comment or a fork." }),
    targetId: idSchema,
    reason: z.string({ error: "Say what is wrong." }).trim().min(3, "Say in a few words what is wrong.").max(500, "Keep the report under 500 characters."),
  }),
]);
export const MODERATION_INTENTS: ReadonlySet<string> = new Set(moderationIntentSchema.options.map((o) => o.shape.intent.value));

export const resolveReportSchema = z.object({
  reportId: idSchema,
  outcome: z.enum(["actioned", "dismissed"], { error: "Choose acted on or dismissed." }),
  note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().default(""),
});

export const BAN_LENGTHS = { "1": 1, "7": 7, "30": 30, forever: null } as const;

export const userModerationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("ban"), length: z.enum(["1", "7", "30", "forever"], { error: "Choose how long the ban lasts." }), reason }),
  z.object({ intent: z.literal("unban"), reason: optionalReason }),
  z.object({ intent: z.literal("set-role"), role: z.enum(["member", "moderator"], { error: "Choose member or moderator." }), reason: optionalReason }),
]);

export const passwordChangeSchema = z
  .object({ current: z.string().min(1, "Enter your current password.").max(256), next: passwordSchema, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { message: "The two new passwords differ.", path: ["confirm"] });

export const notificationActionSchema = z.object({ read: z.union([z.literal("all"), idSchema]) });
