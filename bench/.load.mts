import { benchLoad } from "./load.bench";
import { printTable } from "./lib";
printTable(await benchLoad());
process.exit(0);
