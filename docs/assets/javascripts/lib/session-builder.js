// Stand-in until the routine builder's lib/routine-link.js is merged: same interface, decodes nothing.
// At merge, session.js imports decodeRoutine from "./lib/routine-link.js" instead, and this file goes.
export function decodeRoutine() {
  return { routine: null, problems: ["Routines from the builder open here once the builder is part of the handbook."] };
}
