// `npm run bench`: every benchmark, one after the other. Figures, never pass/fail.
import { benchCustomerTypeahead } from "./customer-typeahead.bench.js";
import { benchLogCommand } from "./log-command.bench.js";

const only = process.argv[2];
if (!only || only === "log") await benchLogCommand();
if (!only || only === "typeahead") await benchCustomerTypeahead();
process.exit(0);
