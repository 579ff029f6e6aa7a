// Issue 9: one member tries to stall the shared worker pool with pathological Markdown edits of
// their own comment, 48 at a time, refired as each burst is answered; another member keeps
// replying. The victim's reply latency is measured quiet and under attack side by side, in
// alternating blocks of one run, so drift in the machine's load hits both alike. Rate limits
// are off: the edit limit would turn most of the burst away before the pool, and this measures
// the pool's own fairness (one thread per person at a time).
import { postAction } from "../test/support/actions";
import { Client } from "../test/support/client";
import { startApp } from "../test/support/process";
import { summarize, time, type Row } from "./lib";

const BURST = 48;
const BLOCKS = 6;
const PER_BLOCK = 40;
const WARMUP = 10;
// Each takes a worker hundreds of milliseconds: micromark resolving thousands of delimiters.
const PATHOLOGICAL = ["*a_".repeat(33_000), "[a](".repeat(25_000)];

export async function benchFairness(): Promise<Row[]> {
  const app = await startApp({ env: { RATE_LIMITS: "off" } });
  try {
    const victim = new Client(app.url);
    const attacker = new Client(app.url);
    await victim.signup("fair-victim");
    await attacker.signup("fair-attacker");
    const slug = await victim.createPost("A thread under attack");
    const own = await postAction(attacker, `/posts/${slug}`, { intent: "reply", markdown: "The attacker's comment.", parentId: "" });
    const commentId = own.data?.commentId;
    if (typeof commentId !== "number") throw new Error(`the attacker's comment answered ${own.status}`);

    let n = 0;
    const reply = async () => {
      const [ms, res] = await time(() => victim.post(`/posts/${slug}.data`, { intent: "reply", markdown: `Victim reply ${n++} with *a little* Markdown.`, parentId: "" }));
      if (res.status !== 200) throw new Error(`the victim's reply answered ${res.status}: ${res.text.slice(0, 200)}`);
      return ms;
    };
    for (let i = 0; i < WARMUP; i++) await reply();

    // The attack: bursts of 48 concurrent edits, the next fired as soon as one is answered.
    let attacking = false;
    let edits = 0;
    const statuses = new Map<number, number>();
    const attack = async () => {
      while (attacking) {
        await Promise.all(
          Array.from({ length: BURST }, async (_, i) => {
            const res = await postAction(attacker, `/posts/${slug}`, { intent: "edit-comment", commentId, markdown: `${PATHOLOGICAL[i % 2]} ${edits++}` });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          }),
        );
      }
    };

    const quiet: number[] = [];
    const loud: number[] = [];
    // Each block pair's own p95 ratio too: the machine's load drifts, and a pair sees the same load.
    const pairRatios: number[] = [];
    for (let b = 0; b < BLOCKS; b++) {
      const quietBlock: number[] = [];
      const loudBlock: number[] = [];
      for (let i = 0; i < PER_BLOCK; i++) quietBlock.push(await reply());
      attacking = true;
      const running = attack();
      // Let the first burst reach the pool before timing.
      await new Promise((ok) => setTimeout(ok, 200));
      for (let i = 0; i < PER_BLOCK; i++) loudBlock.push(await reply());
      attacking = false;
      await running;
      quiet.push(...quietBlock);
      loud.push(...loudBlock);
      pairRatios.push(summarize(loudBlock).p95 / summarize(quietBlock).p95);
    }
    const q = summarize(quiet);
    const a = summarize(loud);
    const ratio = a.p95 / q.p95;
    const answered = [...statuses].sort(([x], [y]) => x - y).map(([status, count]) => `${count}×${status}`).join(", ");
    return [
      { group: "fairness", case: `victim's reply, quiet (${BLOCKS * PER_BLOCK} replies)`, median: q.median, p95: q.p95 },
      {
        group: "fairness",
        case: `victim's reply while another member fires ${BURST} concurrent pathological edits (${BLOCKS * PER_BLOCK} replies; rate limits off)`,
        median: a.median,
        p95: a.p95,
        value: `p95 ${ratio.toFixed(2)}× quiet (block pairs: median ${summarize(pairRatios).median.toFixed(2)}×); attacker's edits: ${answered}`,
        target: "p95 ≤ 2× quiet",
        ok: ratio <= 2,
      },
    ];
  } finally {
    await app.stop();
  }
}
