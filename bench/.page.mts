import { benchPage } from "./page.bench";
import { printTable } from "./lib";
printTable(await benchPage());
process.exit(0);
