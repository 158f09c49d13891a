import { describe, expect, it } from "vitest";
import { formatDisplayDate, languageName } from "@/lib/dates";

describe("dates in the site's time zone", () => {
  const lateEvening = new Date("2021-08-03T20:30:00Z");

  it("shows the calendar date of the configured zone, not the server's", () => {
    expect(formatDisplayDate(lateEvening, "UTC")).toBe("August 3, 2021");
    expect(formatDisplayDate(lateEvening, "Asia/Tokyo")).toBe("August 4, 2021");
    expect(formatDisplayDate(lateEvening, "America/Los_Angeles")).toBe("August 3, 2021");
  });

  it("names languages from their tags and leaves unknown tags as given", () => {
    expect(languageName("ja")).toBe("Japanese");
    expect(languageName("not a tag!")).toBe("not a tag!");
  });
});
