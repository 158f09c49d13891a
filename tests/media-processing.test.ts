import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMedia, listMediaWithUsage, deleteUnusedMedia } from "@/db/queries/media";
import { getUserIdBySlug } from "@/db/queries/users";
import { drainBody, readCappedBody } from "@/lib/media/read-capped-body";
import { isMarkedDecorative, mediaReference, parseMediaReference, srcSetFor } from "@/lib/media/media-reference";
import { readMediaFile } from "@/lib/media/media-files";
import { processImage } from "@/lib/media/process-image";
import { storeUpload } from "@/lib/media/store-upload";
import { MAX_INPUT_PIXELS, variantWidthsFor } from "@/lib/media/upload-limits";
import { createTempDatabase, type TempDatabase } from "./support/temp-database";

let temp: TempDatabase;
let uploads: string;

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
}

beforeAll(() => {
  uploads = fs.mkdtempSync(path.join(os.tmpdir(), "crosscurrents-uploads-"));
  process.env.UPLOADS_DIR = uploads;
  temp = createTempDatabase();
});

afterAll(() => {
  temp.cleanup();
  fs.rmSync(uploads, { recursive: true, force: true });
});

describe("image processing", () => {
  it("re-encodes a PNG to WebP at each width up to its own, keeping the proportions", async () => {
    const png = await solid(2000, 1000).png().toBuffer();
    const result = await processImage(png);
    if (!result.ok) throw new Error(result.reason);
    expect(result.image).toMatchObject({ format: "png", width: 2000, height: 1000 });
    expect(result.image.variants.map((variant) => [variant.width, variant.height])).toEqual([
      [480, 240],
      [960, 480],
      [1600, 800],
    ]);
    for (const variant of result.image.variants) expect((await sharp(variant.data).metadata()).format).toBe("webp");
  });

  it("never enlarges: a small image keeps its width as the widest variant", async () => {
    expect(variantWidthsFor(300)).toEqual([300]);
    expect(variantWidthsFor(1200)).toEqual([480, 960, 1200]);
    const result = await processImage(await solid(700, 350).jpeg().toBuffer());
    expect(result.ok && result.image.variants.map((variant) => variant.width)).toEqual([480, 700]);
  });

  it("decides the type from the content: text named .png, GIF and SVG are refused; WebP and AVIF accepted", async () => {
    expect(await processImage(Buffer.from("just some text, not a PNG at all\n"))).toEqual({ ok: false, reason: "not-an-image" });
    expect(await processImage(await solid(10, 10).gif().toBuffer())).toEqual({ ok: false, reason: "not-an-image" });
    expect(await processImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toEqual({ ok: false, reason: "not-an-image" });
    expect((await processImage(await solid(50, 40).webp().toBuffer())).ok).toBe(true);
    const avif = await processImage(await solid(64, 48).avif().toBuffer());
    expect(avif.ok && avif.image.format).toBe("avif");
  });

  it("refuses a decompression bomb by its declared pixel count", async () => {
    const side = Math.ceil(Math.sqrt(MAX_INPUT_PIXELS)) + 100;
    const bomb = await sharp({ create: { width: side, height: side, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(await processImage(bomb)).toEqual({ ok: false, reason: "too-many-pixels" });
  });

  it("applies the EXIF orientation and strips metadata", async () => {
    const rotated = await solid(400, 200).jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Copyright: "Secret camera owner" } } }).toBuffer();
    const result = await processImage(rotated);
    if (!result.ok) throw new Error(result.reason);
    expect([result.image.width, result.image.height]).toEqual([200, 400]);
    const metadata = await sharp(result.image.variants[0]!.data).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([200, 400]);
  });
});

describe("storing uploads", () => {
  it("writes the variants under a random id, records them, and deletes an unused one with its files", async () => {
    const ownerId = (await getUserIdBySlug({ slug: "owen" }))!;
    const stored = await storeUpload({ data: await solid(1000, 500).png().toBuffer(), ownerId });
    if (!stored.ok) throw new Error(stored.reason);
    const { id } = stored.media;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(fs.readdirSync(uploads).filter((name) => name.startsWith(id)).sort()).toEqual([`${id}-1000.webp`, `${id}-480.webp`, `${id}-960.webp`]);
    expect(await getMedia({ id })).toMatchObject({ ownerId, width: 1000, height: 500, sourceFormat: "png" });
    expect(await readMediaFile(`${id}-480.webp`)).not.toBeNull();
    const listed = await listMediaWithUsage({ ownerId });
    expect(listed.find((item) => item.id === id)?.usedIn).toEqual([]);

    expect(await deleteUnusedMedia({ id, mayDelete: () => false })).toEqual({ ok: false, reason: "forbidden" });
    expect(await deleteUnusedMedia({ id, mayDelete: () => true })).toEqual({ ok: true, widths: [480, 960, 1000] });
  });

  it("reads no file for a name that is not one of ours", async () => {
    for (const name of ["../site.db", "..%2Fsite.db", "abc-480.webp", `${"a".repeat(24)}-480.png`, `${"A".repeat(24)}-480.webp`]) {
      expect(await readMediaFile(name)).toBeNull();
    }
  });
});

describe("Markdown references and the request body cap", () => {
  it("round-trips a reference and builds srcset from it", () => {
    const id = "0123456789abcdef01234567";
    const reference = mediaReference({ id, variants: [{ width: 480, height: 240 }, { width: 960, height: 480 }, { width: 1600, height: 800 }] });
    expect(reference).toBe(`/media/${id}-1600.webp#1600x800`);
    const parsed = parseMediaReference(reference);
    expect(parsed).toEqual({ id, width: 1600, height: 800, decorative: false });
    expect(srcSetFor(parsed!)).toBe(`/media/${id}-480.webp 480w, /media/${id}-960.webp 960w, /media/${id}-1600.webp 1600w`);
    expect(parseMediaReference(`${reference}:decorative`)?.decorative).toBe(true);
    expect(parseMediaReference(`/media/${id}-960.webp#1600x800`)).toBeNull();
    expect(parseMediaReference(`https://example.com/media/${id}-1600.webp#1600x800`)).toBeNull();
    expect(isMarkedDecorative("https://example.com/a.png#decorative")).toBe(true);
    expect(isMarkedDecorative("https://example.com/a.png")).toBe(false);
  });

  it("counts a streamed body and stops keeping it past the limit", async () => {
    const stream = (sizes: number[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const size of sizes) controller.enqueue(new Uint8Array(size));
          controller.close();
        },
      });
    const small = await readCappedBody(stream([100, 200]), 1000);
    expect(small.ok && small.data.byteLength).toBe(300);
    expect(await readCappedBody(stream([600, 600]), 1000)).toEqual({ ok: false, reason: "too-large" });
    expect(await readCappedBody(stream([600, 600, 5000]), 1000)).toEqual({ ok: false, reason: "too-large" });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    await drainBody(endless, 10_000);
    expect(pulled).toBeLessThan(20);
  });
});
