// Peer for bench/diff_github.py: api-smart-diff has no CLI, so this calls its API the way a
// user would (parse both files, compare, summarise by classification). Usage:
//   node bench/api_smart_diff.cjs BASE.json REVISION.json [NODE_MODULES_DIR]
const fs = require("fs");
const path = require("path");
const modules = process.argv[4] || path.join(__dirname, ".work", "npm", "node_modules");
const { apiCompare } = require(path.join(modules, "api-smart-diff"));
const before = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const after = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const { diffs } = apiCompare(before, after);
const counts = {};
for (const d of diffs) counts[d.type] = (counts[d.type] || 0) + 1;
console.log(JSON.stringify({ changes: diffs.length, ...counts }));
