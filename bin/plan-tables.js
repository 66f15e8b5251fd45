#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm install` (the `prepare` script).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
