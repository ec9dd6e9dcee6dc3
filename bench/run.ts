// `npm run bench`: every benchmark, one after the other. Figures, never pass/fail.
import { benchApiInteractions } from "./api-interactions.bench.js";
import { benchCampaignDelivery } from "./campaign-delivery.bench.js";
import { benchCustomerImport } from "./customer-import.bench.js";
import { benchCustomerTypeahead } from "./customer-typeahead.bench.js";
import { benchDigest } from "./digest.bench.js";
import { benchLogCommand } from "./log-command.bench.js";
import { benchSchedulerTick } from "./scheduler-tick.bench.js";

const only = process.argv[2];
if (!only || only === "log") await benchLogCommand();
if (!only || only === "typeahead") await benchCustomerTypeahead();
if (!only || only === "tick") await benchSchedulerTick();
if (!only || only === "campaign") await benchCampaignDelivery();
if (!only || only === "digest") await benchDigest();
if (!only || only === "api") await benchApiInteractions();
if (!only || only === "import") await benchCustomerImport();
process.exit(0);
