// The demo Squiggle post's text: a compute-supply Fermi model, the same model with a power
// constraint (a reply's code fork), and the post's body. The thread is in content.ts.
export const COMPUTE_SUPPLY = `// Compute supply, Fermi style: when can one lab first train a model on 1e28 FLOP?
// Supply only: accelerators installed, what one run can claim of them, for how long.

@name("Accelerators shipped in 2025")
@doc("H100-equivalents shipped worldwide in 2025.")
chips2025 :: chips = 3M to 6M

@name("Yearly growth in accelerator shipments")
@doc("How many times more H100-equivalents ship each year than the year before.")
shipmentGrowth = 1.3 to 2

@name("Peak FLOP/s per accelerator")
@doc("Dense BF16 FLOP/s of one H100-equivalent.")
flopPerChip :: flop/s = 1e15

@name("Share of the installed stock on one run")
@doc("Fraction of all installed accelerators that the largest single training run uses.")
runShare = 0.005 to 0.02

@name("Utilization")
@doc("Fraction of peak FLOP/s a large run sustains.")
utilization = 0.3 to 0.5

@name("Length of the final training run")
@doc("Months of wall-clock time.")
runMonths :: months = 3 to 6

@name("Target run size")
target :: flop = 1e28

@hide
secondsPerMonth = 2.63e6
// Accelerators retire after about four years: the installed stock is about 2.5 years of shipments.
stock(t) = chips2025 * shipmentGrowth ^ t * 2.5
largestRun(t) = stock(t) * flopPerChip * utilization * runShare * runMonths * secondsPerMonth
yearsNeeded = log10(target / largestRun(0)) / log10(shipmentGrowth)

@name("Year of the first 1e28 FLOP training run")
@doc("When the largest single run first reaches the target compute, if supply were the only limit.")
export arrival :: year = 2025 + yearsNeeded
`;

/** Tomás's code fork: the same model with a power constraint on how fast one run can grow. */
export const COMPUTE_SUPPLY_WITH_POWER = COMPUTE_SUPPLY.replace(
  `@name("Target run size")`,
  `@name("Yearly growth in power for the largest campus")
@doc("How many times more power the largest training campus can draw each year.")
powerGrowth = 1.2 to 1.6

@name("Target run size")`,
).replace(
  "yearsNeeded = log10(target / largestRun(0)) / log10(shipmentGrowth)",
  `// A run can grow no faster than the power behind it, whatever ships.
growth = SampleSet.min(shipmentGrowth, powerGrowth)
yearsNeeded = log10(target / largestRun(0)) / log10(growth)`,
);

export const COMPUTE_SUPPLY_POST = `Most timelines arguments are about *demand*: who will pay for a 1e28 FLOP run, and when. This one is about supply: how many accelerators exist, how much of the installed stock one run can claim, and for how long.

The model is a Fermi estimate in [Squiggle](https://www.squiggle-language.com/), and every number in it is a parameter you can fork: open **Reply with a fork** and change the ones you disagree with. If you think the *structure* is wrong (a missing bottleneck, say), change the code itself; your reply will show the diff.

The two numbers I'm least sure of:

1. **Shipment growth.** 1.3–2× a year is the range I'd defend for 2025–2030, but packaging capacity could hold it lower.
2. **Share of the stock on one run.** 0.5–2% of all installed accelerators is roughly 50k–250k H100-equivalents today, which matches the largest clusters announced.`;
