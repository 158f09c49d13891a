// `npm start`: build if the build is missing or stale, then migrate, seed and serve.
export {};

// React and Next pick their production builds from NODE_ENV when first loaded, so it is set
// before either is imported (hence the dynamic imports below).
Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const { isBuildCurrent, runNextBuild } = await import("./build-fingerprint");
if (isBuildCurrent()) {
  console.log("The production build is current; starting.");
} else {
  console.log("The production build is missing or older than the source; building first.");
  runNextBuild();
}
const { startServer } = await import("../server");
await startServer();
