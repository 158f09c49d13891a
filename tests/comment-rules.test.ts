import { describe, expect, it } from "vitest";
import { commentBodyField } from "@/lib/comments/comment-input";
import { commentRefusalMessages } from "@/lib/comments/comment-refusals";
import {
  COMMENT_MAX_LENGTH,
  decideCommentStatus,
  findDisallowedWord,
  normaliseCommentBody,
  type ModerationSettings,
} from "@/lib/comments/comment-rules";
import {
  disallowedWordList,
  discussionSettingsFields,
  parseSiteSettings,
  siteSettingsDefaults,
} from "@/lib/site-settings";

const rules: ModerationSettings = {
  commentsHoldAll: false,
  commentsRequirePriorApproval: true,
  commentMaxLinks: 2,
  commentDisallowedWords: "",
};

describe("findDisallowedWord", () => {
  it("finds nothing with an empty or blank list", () => {
    expect(findDisallowedWord("anything at all", "")).toBeNull();
    expect(findDisallowedWord("anything at all", "\n  \n\t\n")).toBeNull();
  });

  it("matches whole words only, not parts of longer words", () => {
    expect(findDisallowedWord("a classic assessment", "ass")).toBeNull();
    expect(findDisallowedWord("spammer spamming", "spam")).toBeNull();
    expect(findDisallowedWord("what an ass.", "ass")).toBe("ass");
    expect(findDisallowedWord("spam", "spam")).toBe("spam");
  });

  it("treats digits and underscores as part of a word", () => {
    expect(findDisallowedWord("casino2024", "casino")).toBeNull();
    expect(findDisallowedWord("my_casino_link", "casino")).toBeNull();
    expect(findDisallowedWord("casino-2024", "casino")).toBe("casino");
  });

  it("ignores letter case on both sides and returns the listed form, lower-cased", () => {
    expect(findDisallowedWord("Visit my CASINO now", "Casino")).toBe("casino");
    expect(findDisallowedWord("visit my casino now", "CASINO")).toBe("casino");
  });

  it("matches phrases, with punctuation around them", () => {
    const list = "buy cheap pills\nfree money";
    expect(findDisallowedWord("Please, BUY CHEAP PILLS!", list)).toBe("buy cheap pills");
    expect(findDisallowedWord("(free money)", list)).toBe("free money");
    expect(findDisallowedWord("buy cheap pillsbury", list)).toBeNull();
    expect(findDisallowedWord("buy  cheap pills", list)).toBeNull();
  });

  it("reads one entry per line, trims each, and skips blank lines (CRLF too)", () => {
    expect(disallowedWordList("  Foo  \r\n\r\nbar baz\n\n  ")).toEqual(["foo", "bar baz"]);
    expect(findDisallowedWord("say bar baz", "  Foo  \r\n\r\nbar baz\n")).toBe("bar baz");
    expect(findDisallowedWord("say FOO", "  Foo  \r\n")).toBe("foo");
  });

  it("returns the entry that occurs first in the text", () => {
    expect(findDisallowedWord("beta then alpha", "alpha\nbeta")).toBe("beta");
  });

  it("treats regular-expression characters in the list literally", () => {
    expect(findDisallowedWord("a.b", "a.b")).toBe("a.b");
    expect(findDisallowedWord("axb", "a.b")).toBeNull();
    expect(findDisallowedWord("costs $$$ now", "$$$")).toBe("$$$");
    expect(findDisallowedWord("c++ rocks", "c++")).toBe("c++");
    expect(findDisallowedWord("(.*)", "(.*)")).toBe("(.*)");
    expect(findDisallowedWord("anything", "(.*)")).toBeNull();
    expect(findDisallowedWord("[x]", "[x]\n\\d+")).toBe("[x]");
    expect(findDisallowedWord("123", "\\d+")).toBeNull();
  });

  it("works on non-Latin scripts and accented letters", () => {
    expect(findDisallowedWord("Это СПАМ!", "спам")).toBe("спам");
    expect(findDisallowedWord("спамер", "спам")).toBeNull();
    expect(findDisallowedWord("Ein Café in Köln", "café")).toBe("café");
    expect(findDisallowedWord("Ein Caféhaus", "café")).toBeNull();
    expect(findDisallowedWord("ΣΠΑΜ εδώ", "σπαμ")).toBe("σπαμ");
    // Accented letters are letters: "cafe" is not found inside "cafés".
    expect(findDisallowedWord("zwei cafés", "cafe")).toBeNull();
    expect(findDisallowedWord("éspam", "spam")).toBeNull();
  });

  it("finds a listed word at the end of a 5,000-character comment", () => {
    const body = `${"innocent words ".repeat(330)}casino`;
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
    expect(findDisallowedWord(body, "poker\nslots\ncasino")).toBe("casino");
    expect(findDisallowedWord(body.replace("casino", "casinos"), "poker\nslots\ncasino")).toBeNull();
  });

  // The setting allows thousands of entries; they are compiled into one pattern per list value.
  it("finds an entry of a 2,000-entry list, and nothing in a clean comment", () => {
    const run = Math.random().toString(36).slice(2, 8);
    const entries = Array.from({ length: 2000 }, (_, index) => `w${run}x${index}`);
    const list = entries.join("\n");
    expect(findDisallowedWord("an ordinary short comment", list)).toBeNull();
    expect(findDisallowedWord(`it says ${entries[1999]} at the end`, list)).toBe(entries[1999]);
  });
});

describe("decideCommentStatus", () => {
  it("holds a first comment and publishes once the commenter has an approved one", () => {
    expect(decideCommentStatus({ body: "Hello", trusted: false, hasApprovedComment: false, settings: rules })).toEqual({
      status: "pending",
      heldReason: "first comment",
    });
    expect(decideCommentStatus({ body: "Hello", trusted: false, hasApprovedComment: true, settings: rules })).toEqual({
      status: "approved",
      heldReason: null,
    });
  });

  it("publishes a first comment when prior approval is not required", () => {
    const settings = { ...rules, commentsRequirePriorApproval: false };
    expect(decideCommentStatus({ body: "Hello", trusted: false, hasApprovedComment: false, settings })).toEqual({
      status: "approved",
      heldReason: null,
    });
  });

  it("holds more than the allowed number of links, not the allowed number itself", () => {
    const two = "https://a.example.org https://b.example.org";
    const three = `${two} www.c.example.org`;
    expect(decideCommentStatus({ body: two, trusted: false, hasApprovedComment: true, settings: rules }).status).toBe(
      "approved",
    );
    expect(decideCommentStatus({ body: three, trusted: false, hasApprovedComment: true, settings: rules })).toEqual({
      status: "pending",
      heldReason: "it contains 3 links",
    });
    const none = { ...rules, commentMaxLinks: 0 };
    expect(
      decideCommentStatus({ body: "https://a.example.org", trusted: false, hasApprovedComment: true, settings: none }),
    ).toEqual({ status: "pending", heldReason: "it contains 1 link" });
  });

  it("sends a comment with a disallowed word to spam, before the other rules", () => {
    const settings = { ...rules, commentDisallowedWords: "casino" };
    const body = "Casino! https://a.example.org https://b.example.org https://c.example.org";
    expect(decideCommentStatus({ body, trusted: false, hasApprovedComment: false, settings })).toEqual({
      status: "spam",
      heldReason: "it contains a disallowed word (“casino”)",
    });
  });

  it("holds everything from readers when every comment is held", () => {
    const settings = { ...rules, commentsHoldAll: true };
    expect(decideCommentStatus({ body: "Hello", trusted: false, hasApprovedComment: true, settings })).toEqual({
      status: "pending",
      heldReason: "every comment is reviewed before it is published",
    });
  });

  it("the link rule's reason wins over the first-comment reason", () => {
    const body = "https://a.example.org https://b.example.org https://c.example.org";
    expect(decideCommentStatus({ body, trusted: false, hasApprovedComment: false, settings: rules }).heldReason).toBe(
      "it contains 3 links",
    );
  });

  it("publishes a trusted commenter's comment at once, whatever it contains", () => {
    const settings = { ...rules, commentsHoldAll: true, commentDisallowedWords: "casino" };
    const body = "casino https://a.example.org https://b.example.org https://c.example.org";
    expect(decideCommentStatus({ body, trusted: true, hasApprovedComment: false, settings })).toEqual({
      status: "approved",
      heldReason: null,
    });
  });
});

describe("normaliseCommentBody and the comment text field", () => {
  it("normalises line endings and trims outer blank space, keeping inner text exactly", () => {
    expect(normaliseCommentBody("\r\n  Hello\r\nworld\r\rend  \n\n")).toBe("Hello\nworld\n\nend");
    expect(normaliseCommentBody("a  \t b\n\n\nc")).toBe("a  \t b\n\n\nc");
  });

  it("reduces whitespace-only text, unicode spaces included, to nothing", () => {
    expect(normaliseCommentBody(" \t\r\n\u00a0\u2003\u3000\ufeff ")).toBe("");
  });

  it("keeps markup and unicode exactly as typed (it is rendered as text, never as HTML)", () => {
    const hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> javascript:alert(1) 🎉 日本語 e\u0301';
    expect(normaliseCommentBody(hostile)).toBe(hostile);
  });

  it("removes NUL and other control characters, keeping tabs, newlines and direction marks", () => {
    expect(normaliseCommentBody("a\u0000b\u001b[31mc\u007f\td\ne \u202eevil\u202c")).toBe("ab[31mc\td\ne \u202eevil\u202c");
  });

  it("accepts text up to the maximum length and refuses empty, blank or longer text", () => {
    expect(COMMENT_MAX_LENGTH).toBe(5000);
    expect(commentBodyField.safeParse("x".repeat(COMMENT_MAX_LENGTH)).success).toBe(true);
    expect(commentBodyField.safeParse(`  ${"x".repeat(COMMENT_MAX_LENGTH)}\n\n`).success).toBe(true);
    expect(commentBodyField.safeParse("x".repeat(COMMENT_MAX_LENGTH + 1)).success).toBe(false);
    for (const blank of ["", "   ", "\r\n\t", "\u00a0"]) {
      const parsed = commentBodyField.safeParse(blank);
      expect(parsed.success, JSON.stringify(blank)).toBe(false);
    }
    expect(commentBodyField.parse(" \r\n<b>hi</b>\r\n ")).toBe("<b>hi</b>");
  });
});

describe("refusal messages", () => {
  it("uses the messages the issue asks for", () => {
    expect(commentRefusalMessages.duplicate).toBe("Duplicate comment detected; it looks as though you've already said that!");
    expect(commentRefusalMessages.flood).toBe("You are posting comments too quickly. Slow down.");
    for (const message of Object.values(commentRefusalMessages)) expect(message.length).toBeGreaterThan(0);
  });
});

describe("site settings", () => {
  it("a database without settings rows gets every default", () => {
    expect(parseSiteSettings({})).toEqual(siteSettingsDefaults);
    expect(siteSettingsDefaults).toMatchObject({
      commentThreadDepth: 5,
      commentsRequirePriorApproval: true,
      commentMaxLinks: 2,
      commentFloodSeconds: 15,
      commentEditMinutes: 10,
      commentsHoldAll: false,
      commentDisallowedWords: "",
    });
  });

  it("reads stored values, numbers stored as strings included", () => {
    const settings = parseSiteSettings({ commentFloodSeconds: 0, commentThreadDepth: "3", commentDisallowedWords: "a\nb" });
    expect(settings.commentFloodSeconds).toBe(0);
    expect(settings.commentThreadDepth).toBe(3);
    expect(settings.commentDisallowedWords).toBe("a\nb");
    expect(settings.commentMaxLinks).toBe(2);
  });

  it("falls back to the default for each invalid stored value, keeping the valid ones", () => {
    const settings = parseSiteSettings({
      commentThreadDepth: 11,
      commentFloodSeconds: -1,
      commentMaxLinks: 1.5,
      commentsHoldAll: "yes",
      commentEditMinutes: "soon",
      commentsRequirePriorApproval: false,
    });
    expect(settings).toMatchObject({
      commentThreadDepth: 5,
      commentFloodSeconds: 15,
      commentMaxLinks: 2,
      commentsHoldAll: false,
      commentEditMinutes: 10,
      commentsRequirePriorApproval: false,
    });
  });

  it("the form's field schemas enforce the documented ranges", () => {
    expect(discussionSettingsFields.commentThreadDepth.safeParse("1").success).toBe(true);
    expect(discussionSettingsFields.commentThreadDepth.safeParse("0").success).toBe(false);
    expect(discussionSettingsFields.commentThreadDepth.safeParse(10).success).toBe(true);
    expect(discussionSettingsFields.commentThreadDepth.safeParse(11).success).toBe(false);
    expect(discussionSettingsFields.commentFloodSeconds.safeParse(0).success).toBe(true);
    expect(discussionSettingsFields.commentFloodSeconds.safeParse(3601).success).toBe(false);
    expect(discussionSettingsFields.commentMaxLinks.safeParse(-1).success).toBe(false);
    expect(discussionSettingsFields.commentEditMinutes.safeParse(10_080).success).toBe(true);
    expect(discussionSettingsFields.commentEditMinutes.safeParse(10_081).success).toBe(false);
    expect(discussionSettingsFields.commentDisallowedWords.safeParse("x".repeat(20_001)).success).toBe(false);
  });
});
