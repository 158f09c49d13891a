import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeSourceFingerprint, isBuildCurrent } from "../scripts/build-fingerprint";
import { SERVER_WORKER_BUNDLE } from "../scripts/server-bundle";

// `npm start` rebuilds only when the build is missing or the source changed since it was made.
describe("build staleness", () => {
  const originalCwd = process.cwd();
  let project: string;

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-fingerprint-"));
    fs.mkdirSync(path.join(project, "app"), { recursive: true });
    fs.writeFileSync(path.join(project, "app", "page.tsx"), "export default function Page() { return null; }\n");
    fs.writeFileSync(path.join(project, "package-lock.json"), "{}\n");
    process.chdir(project);
  });

  afterAll(() => {
    process.chdir(originalCwd);
    fs.rmSync(project, { recursive: true, force: true });
  });

  it("treats a missing build as stale", () => {
    expect(isBuildCurrent()).toBe(false);
  });

  it("treats a build made from the same source as current, and any source change as stale", () => {
    fs.mkdirSync(".next", { recursive: true });
    fs.writeFileSync(path.join(".next", "BUILD_ID"), "test-build");
    fs.writeFileSync(path.join(".next", "source-fingerprint"), `${computeSourceFingerprint()}\n`);
    // Next's build alone is not enough: the cluster workers' bundle is part of the build.
    expect(isBuildCurrent()).toBe(false);
    fs.mkdirSync(path.dirname(SERVER_WORKER_BUNDLE), { recursive: true });
    fs.writeFileSync(SERVER_WORKER_BUNDLE, "export {};\n");
    expect(isBuildCurrent()).toBe(true);
    expect(computeSourceFingerprint()).toBe(computeSourceFingerprint());

    fs.writeFileSync(path.join("app", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(isBuildCurrent()).toBe(false);
  });

  it("notices a new file and a dependency change", () => {
    const before = computeSourceFingerprint();
    fs.mkdirSync("components", { recursive: true });
    fs.writeFileSync(path.join("components", "new.tsx"), "export {};\n");
    const withNewFile = computeSourceFingerprint();
    expect(withNewFile).not.toBe(before);
    fs.writeFileSync("package-lock.json", '{"changed":true}\n');
    expect(computeSourceFingerprint()).not.toBe(withNewFile);
  });
});
