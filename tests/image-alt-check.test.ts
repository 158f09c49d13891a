import { describe, expect, it } from "vitest";
import { imagesMissingAltText } from "@/lib/media/image-alt-check";

const reference = "/media/0123456789abcdef01234567-1600.webp#1600x900";

describe("images without alt text", () => {
  it("finds images with empty alt text that are not marked decorative", () => {
    expect(imagesMissingAltText(`Text.\n\n![](${reference})\n\n![ ](https://example.com/a.png)\n\n![Described](${reference})`)).toEqual([
      reference,
      "https://example.com/a.png",
    ]);
  });

  it("accepts decorative marks and reference-style images with alt text", () => {
    expect(imagesMissingAltText(`![](${reference}:decorative) ![](https://example.com/a.png#decorative)`)).toEqual([]);
    expect(imagesMissingAltText("![Chart][c]\n\n[c]: https://example.com/c.png")).toEqual([]);
    expect(imagesMissingAltText("![][c]\n\n[c]: https://example.com/c.png")).toEqual(["https://example.com/c.png"]);
  });

  it("ignores image syntax inside code", () => {
    expect(imagesMissingAltText("`![](x.png)`\n\n```\n![](y.png)\n```")).toEqual([]);
  });
});
