// The program the Squiggle editor starts from (and GET /api/models shows): one marked output,
// a few annotated parameters, every convention of docs/decisions/018 in use.

export const SQUIGGLE_TEMPLATE = `// Top-level numbers and distributions are the inputs readers fork;
// @name, @doc and the unit after :: label them. The binding marked
// \`export\` is the forecast (unit \`year\` for a year).

@name("Largest training run in 2025")
@doc("FLOP of the largest training run finished in 2025.")
largestRun2025 :: flop = 3e25 to 1e26

@name("Yearly growth of the largest run")
@doc("How many times larger the largest run gets each year.")
growthPerYear = 1.5 to 5

@name("Target run size")
@doc("The training run the question asks about.")
target :: flop = 1e28

yearsNeeded = log10(target / largestRun2025) / log10(growthPerYear)

@name("Year of the first 1e28 FLOP training run")
@doc("When a training run of the target size first finishes.")
export arrival :: year = 2025 + yearsNeeded
`;
