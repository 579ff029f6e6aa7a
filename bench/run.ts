// `npm run bench`: every benchmark, one table. Run on a quiet machine; numbers are ms.
import { benchCharts } from "./charts.bench";
import { benchDiscussion } from "./discussion.bench";
import { benchEngine } from "./engine.bench";
import { benchAnalysis } from "./analysis.bench";
import { benchFairness } from "./fairness.bench";
import { benchLive } from "./live.bench";
import { benchLoad, benchSoak } from "./load.bench";
import { benchPage } from "./page.bench";
import { benchEmbed } from "./embed.bench";
import { benchSearch } from "./search.bench";
import { benchSquiggle } from "./squiggle.bench";
import { printTable, type Row } from "./lib";

const rows: Row[] = [];
rows.push(...(await benchDiscussion()));
rows.push(...(await benchFairness()));
rows.push(...(await benchLive()));
rows.push(...(await benchEngine()));
rows.push(...(await benchAnalysis()));
rows.push(...(await benchSquiggle()));
rows.push(...(await benchCharts()));
rows.push(...(await benchPage()));
rows.push(...(await benchEmbed()));
rows.push(...(await benchSearch()));
rows.push(...(await benchLoad()));
rows.push(...(await benchSoak()));
printTable(rows);
process.exit(0);
