// Runs the reduced case in JavaScriptCore's shell (`jsc`, Debian's libjavascriptcoregtk-4.0-bin),
// or in Bun, whose JavaScriptCore is newer:
//   jsc shell.js -- <module.wasm> <actors> <seeds> <modules>
//   bun shell.js <module.wasm> <actors> <seeds> <modules>
// Each of <modules> rounds compiles the module afresh (so its code goes through the tiers
// again: interpreter, then the BBQ JIT) and lays out <seeds> maps. A correct engine gives
// no trap and exactly <seeds> distinct results; every trap and extra result is a fault.
const inJsc = typeof read === "function";
const args = inJsc ? arguments : process.argv.slice(2);
const [file, actors, seeds, modules] = [args[0], +args[1], +args[2], +args[3]];
const bytes = inJsc ? read(file, "binary") : require("fs").readFileSync(file);
const say = inJsc ? print : console.log;
const message = (x) => {
  const at = new Uint8Array(x.memory.buffer, x.message(), 512);
  return String.fromCharCode(...at.subarray(0, at.indexOf(0)));
};
const results = new Map();
const traps = [];
for (let m = 0; m < modules; m++) {
  const x = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
  x.init();
  for (let seed = 0; seed < seeds; seed++) {
    try {
      const key = `${seed}:${x.run(actors, seed)}`;
      results.set(key, (results.get(key) ?? 0) + 1);
    } catch (error) {
      traps.push(`module ${m}, seed ${seed}: ${error} ${message(x)}`);
      break;
    }
  }
}
say(`modules=${modules} traps=${traps.length} wrong=${results.size - seeds}`);
for (const t of traps.slice(0, 5)) say(t);
