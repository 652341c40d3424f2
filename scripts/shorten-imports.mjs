// Part of scripts/split-wasm.sh: gives wasm-bindgen's imports short names.
//
//   node scripts/shorten-imports.mjs MODULE.wasm GLUE.js
//
// wasm-bindgen names each JavaScript function the wasm imports after the
// Rust binding and a hash (`__wbg_appendChild_2f3a…`, `__wbindgen_…`): about
// 200 names, whose hashes do not compress, written twice (in the wasm's
// import section and as keys of the glue's import object). Both files are
// first-load bytes, so the names become `_0`, `_1`, … in both, in place.
// Every name must be a key of the glue exactly once, or nothing is written.
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node scripts/shorten-imports.mjs MODULE.wasm GLUE.js");
  process.exit(2);
}
const fail = (message) => {
  console.error(`shorten-imports: ${message}`);
  process.exit(1);
};

/** A cursor over the module's bytes, reading the binary format's numbers. */
class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    return this.bytes[this.at++];
  }
  /** An unsigned LEB128 number. */
  u32() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
  name() {
    const length = this.u32();
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString("utf8");
    this.at += length;
    return text;
  }
  /** Skips a table's or a memory's limits. */
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

const u32 = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};
const name = (text) => {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([u32(bytes.length), bytes]);
};

const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");
if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);

const sections = [wasm.subarray(0, 8)];
const renamed = new Map();
const reader = new Reader(wasm, 8);
while (reader.at < wasm.length) {
  const start = reader.at;
  const id = reader.byte();
  const size = reader.u32();
  const end = reader.at + size;
  if (id !== 2) {
    sections.push(wasm.subarray(start, end));
    reader.at = end;
    continue;
  }
  // The import section: module, name, kind and its description, each.
  const count = reader.u32();
  const imports = [u32(count)];
  for (let index = 0; index < count; index++) {
    const module = reader.name();
    const field = reader.name();
    const descriptionStart = reader.at;
    const kind = reader.byte();
    switch (kind) {
      case 0: // a function: its type
        reader.u32();
        break;
      case 1: // a table: its element type and limits
        reader.byte();
        reader.limits();
        break;
      case 2: // a memory: its limits
        reader.limits();
        break;
      case 3: // a global: its value type and mutability
        reader.byte();
        reader.byte();
        break;
      case 4: // a tag: its attribute and type
        reader.byte();
        reader.u32();
        break;
      default:
        fail(`import ${module}.${field} has an unknown kind ${kind}`);
    }
    const description = wasm.subarray(descriptionStart, reader.at);
    let short = field;
    if (field.startsWith("__wb")) {
      short = renamed.get(field) ?? `_${renamed.size.toString(36)}`;
      renamed.set(field, short);
    }
    imports.push(name(module), name(short), description);
  }
  if (reader.at !== end) fail("the import section did not end where its size said");
  const content = Buffer.concat(imports);
  sections.push(Buffer.from([2]), u32(content.length), content);
}
if (renamed.size === 0) fail(`${wasmPath} imports nothing from wasm-bindgen`);

for (const [field, short] of renamed) {
  const key = new RegExp(`\\b${field}\\b`, "g");
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1) fail(`${field} is in ${gluePath} ${found} times, not once`);
  glue = glue.replace(key, short);
}
writeFileSync(wasmPath, Buffer.concat(sections));
writeFileSync(gluePath, glue);
console.log(`shorten-imports: ${renamed.size} imports renamed`);
