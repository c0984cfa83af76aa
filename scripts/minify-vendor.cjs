#!/usr/bin/env node
// Makes lumbar/web/js/vendor/qrcode-generator.min.js from the upstream file (qrcode-generator 2.0.4,
// dist/qrcode.mjs from the npm registry): the same code without comments and white space, one top-level
// statement a line (lumbar/offline_modules.py reads exports line by line). Lighthouse flags the upstream
// file as unminified (4 KB gzipped to save). esprima and escodegen come with Lighthouse's node_modules.
//   node scripts/minify-vendor.cjs path/to/qrcode.mjs > lumbar/web/js/vendor/qrcode-generator.min.js
"use strict";
const fs = require("fs");
const esprima = require("esprima");
const escodegen = require("escodegen");

const ast = esprima.parseModule(fs.readFileSync(process.argv[2], "utf8"));
const header = [
  "// QR Code Generator for JavaScript: qrcode-generator 2.0.4 (dist/qrcode.mjs, npm registry).",
  "// Copyright (c) 2009 Kazuhiko Arase. Licensed under the MIT license: qrcode-generator.LICENSE.txt.",
  "// The word 'QR Code' is registered trademark of DENSO WAVE INCORPORATED.",
  "// The upstream code without its comments and white space: made by scripts/minify-vendor.cjs.",
];
const body = ast.body.map((node) => escodegen.generate(node, { format: { compact: true } }));
process.stdout.write(header.concat(body).join("\n") + "\n");
